package io.zgnode.ledger.genesis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.zgnode.api.chain.Address;
import io.zgnode.crypto.Bip32;
import io.zgnode.crypto.Hex;
import io.zgnode.crypto.Mnemonic;
import io.zgnode.crypto.PrivateKey;

/**
 * A development chain's genesis: the first accounts of the well-known development mnemonic (the
 * one Hardhat and Anvil use, at m/44'/60'/0'/0/i) funded, so wallets and scripts work at once.
 * Their keys are public: never use them on a real network.
 */
public final class DevGenesis {

    public static final String MNEMONIC = "test test test test test test test test test test test junk";
    public static final long DEFAULT_CHAIN_ID = 31337;
    public static final int ACCOUNTS = 10;
    /** 10,000 of the native token (18 decimals) each. */
    public static final BigInteger BALANCE = BigInteger.TEN.pow(22);

    private DevGenesis() {
    }

    /** The development account {@code index}'s key. */
    public static PrivateKey key(int index) {
        return Bip32.derive(Mnemonic.toSeed(MNEMONIC, ""), "m/44'/60'/0'/0/" + index);
    }

    public static List<Address> accounts(int count) {
        byte[] seed = Mnemonic.toSeed(MNEMONIC, "");
        List<Address> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            accounts.add(Address.of(Bip32.derive(seed, "m/44'/60'/0'/0/" + i).address()));
        }
        return accounts;
    }

    /** The document, with {@code validators} as given (may be empty for a solo chain). */
    public static Map<String, Object> document(long chainId, List<Map<String, Object>> validators, Map<String, Object> modules) {
        Map<String, Object> alloc = new LinkedHashMap<>();
        for (Address account : accounts(ACCOUNTS)) {
            alloc.put(account.toString(), Map.of("balance", BALANCE.toString()));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("chainId", chainId);
        document.put("timestamp", 0);
        document.put("gasLimit", GenesisReader.DEFAULT_GAS_LIMIT);
        document.put("baseFeePerGas", GenesisReader.ONE_GWEI.toString());
        document.put("minBaseFeePerGas", GenesisReader.ONE_GWEI.toString());
        document.put("alloc", alloc);
        document.put("validators", validators);
        document.put("modules", modules);
        return document;
    }

    public static String json(Map<String, Object> document) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hex of a key, for documentation and tools. */
    public static String privateKeyHex(int index) {
        return Hex.encode(key(index).bytes());
    }
}
