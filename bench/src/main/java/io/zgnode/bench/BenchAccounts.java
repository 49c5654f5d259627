package io.zgnode.bench;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Transaction;
import io.zgnode.crypto.Keccak256;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.ethereum.UnsignedTransaction;
import io.zgnode.ledger.genesis.DevGenesis;

/**
 * Many funded senders for load: keys derived from a fixed seed (Keccak-256 of "zgnode bench" and
 * an index), funded in a genesis made for the benchmark, each sending value transfers in nonce
 * order.
 */
final class BenchAccounts {

    static final long CHAIN_ID = 31337;
    static final BigInteger GWEI = BigInteger.TEN.pow(9);
    static final Address SINK = Address.of("0x7777777777777777777777777777777777777777");

    final List<PrivateKey> keys = new ArrayList<>();

    BenchAccounts(int count) {
        for (int i = 0; i < count; i++) {
            keys.add(PrivateKey.of(Keccak256.hash(("zgnode bench " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        }
    }

    /** A genesis document funding every account with 1,000 of the native token. */
    Map<String, Object> genesis() {
        Map<String, Object> document = new LinkedHashMap<>(DevGenesis.document(CHAIN_ID, List.of(), Map.of()));
        Map<String, Object> alloc = new LinkedHashMap<>();
        for (PrivateKey key : keys) {
            alloc.put(Address.of(key.address()).toString(), Map.of("balance", BigInteger.TEN.pow(21).toString()));
        }
        document.put("alloc", alloc);
        return document;
    }

    /** {@code perAccount} transfers from every account, interleaved: nonce 0 of all, then nonce 1, ... */
    List<Transaction> transfers(int perAccount) {
        // signed on every core (before any load is timed): the order is nonce by nonce, account by account
        return IntStream.range(0, keys.size() * perAccount).parallel()
                .mapToObj(i -> UnsignedTransaction.eip1559(CHAIN_ID, i / keys.size(), GWEI, GWEI.multiply(BigInteger.valueOf(3)), 21_000, SINK,
                        BigInteger.ONE, new byte[0], List.of()).sign(keys.get(i % keys.size())))
                .toList();
    }
}
