package io.zgnode.ledger.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import io.zgnode.api.chain.Transaction;

/** One sender's waiting transactions by nonce. */
final class SenderQueue {

    private final NavigableMap<Long, Transaction> byNonce = new TreeMap<>();

    Transaction get(long nonce) {
        return byNonce.get(nonce);
    }

    Transaction put(Transaction transaction) {
        return byNonce.put(transaction.nonce(), transaction);
    }

    Transaction remove(long nonce) {
        return byNonce.remove(nonce);
    }

    int size() {
        return byNonce.size();
    }

    boolean isEmpty() {
        return byNonce.isEmpty();
    }

    Transaction last() {
        return byNonce.isEmpty() ? null : byNonce.lastEntry().getValue();
    }

    /** The transactions from {@code nonce} on without a gap: what can go into blocks in order. */
    List<Transaction> ready(long nonce) {
        List<Transaction> ready = new ArrayList<>();
        for (long next = nonce; byNonce.containsKey(next); next++) {
            ready.add(byNonce.get(next));
        }
        return ready;
    }

    /** Removes and returns the transactions with a nonce below {@code nonce}. */
    List<Transaction> removeBelow(long nonce) {
        NavigableMap<Long, Transaction> stale = byNonce.headMap(nonce, false);
        List<Transaction> removed = new ArrayList<>(stale.values());
        stale.clear();
        return removed;
    }
}
