package io.zgnode.api.chain;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Transactions waiting for a block: validated, sender recovered, ordered by nonce per sender. */
@ProviderType
public interface TransactionPool {

    /**
     * Decodes, validates and queues a signed transaction (as eth_sendRawTransaction gets it).
     *
     * @return the transaction's hash
     * @throws TransactionRejectedException if it cannot be accepted; the pool is then unchanged
     */
    Hash submit(byte[] raw) throws TransactionRejectedException;

    /** A transaction waiting in the pool. */
    Optional<Transaction> get(Hash hash);

    /** The nonce the sender's next transaction takes, counting its transactions in the pool. */
    long pendingNonce(Address sender);

    int size();

    /** The pool's transactions, ready ones first (the order a block would take them in). */
    List<Transaction> pending(int limit);
}
