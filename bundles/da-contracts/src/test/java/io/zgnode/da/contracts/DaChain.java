package io.zgnode.da.contracts;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.contract.NativeContract;
import io.zgnode.crypto.Keccak256;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.da.contracts.internal.DaEntranceContract;
import io.zgnode.da.contracts.internal.DaSignersContract;
import io.zgnode.ethereum.RevertReason;
import io.zgnode.ledger.DevChain;
import io.zgnode.ledger.execution.CallResult;
import io.zgnode.ledger.genesis.GenesisException;

/**
 * A development chain on a real store with the DA registry and entrance wired as the framework
 * wires them (each reading the genesis from the ledger), driven by hand ({@link DevChain}).
 */
final class DaChain extends DevChain {

    final DaGenesis genesis;

    /** @param daSection the genesis's {@code modules.da}; {@code extra} are more contracts to run (test probes) */
    DaChain(Path directory, Map<String, Object> daSection, NativeContract... extra) throws GenesisException {
        super(directory, Map.of(DaGenesis.MODULE, daSection));
        ledger.addContract(new DaSignersContract(ledger));
        ledger.addContract(new DaEntranceContract(ledger));
        for (NativeContract contract : extra) {
            ledger.addContract(contract);
        }
        genesis = DaGenesis.of(ledger.genesisParameters(DaGenesis.MODULE));
    }

    /** A {@code modules.da} section: blocks per epoch and genesis signers, each with {@code stake} and socket {@code http://signer<i>}. */
    static Map<String, Object> section(long epochBlocks, List<PrivateKey> signers, BigInteger stake) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < signers.size(); i++) {
            entries.add(Map.of("address", Address.of(signers.get(i).address()).toString(), "stake", stake.toString(), "socket", "http://signer" + i));
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("epochBlocks", epochBlocks);
        section.put("signers", entries);
        return section;
    }

    /** Signer keys that are no development account (they hold no balance and send nothing). */
    static List<PrivateKey> signerKeys(int count) {
        List<PrivateKey> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(PrivateKey.of(Keccak256.hash(("da signer " + i).getBytes())));
        }
        return keys;
    }

    /** The epoch of the next block, the one a transaction sent now lands in (and eth_call runs in). */
    long nextEpoch() {
        return genesis.epochOf(ledger.head().number() + 1);
    }

    /** Produces blocks until the next one is in {@code epoch}. */
    void advanceTo(long epoch) {
        while (nextEpoch() < epoch) {
            produce();
        }
    }

    /** eth_call. */
    CallResult call(Address to, byte[] data) {
        return call(to, BigInteger.ZERO, data);
    }

    /** The registry as code outside the chain reads it: from committed state. */
    DaRegistryView registry() {
        return new DaRegistryView(genesis, key -> ledger.contractStorage(genesis.registry(), key).orElse(null));
    }

    DaCertificatesView certificates() {
        return new DaCertificatesView(key -> ledger.contractStorage(genesis.entrance(), key).orElse(null));
    }

    static String reason(Receipt receipt) {
        return RevertReason.decode(receipt.revertData()).orElse("(no reason)");
    }

    static String reason(CallResult result) {
        return RevertReason.decode(result.output()).orElse("(no reason)");
    }
}
