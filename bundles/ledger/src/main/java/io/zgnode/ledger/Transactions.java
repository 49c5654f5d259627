package io.zgnode.ledger;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Transaction;
import io.zgnode.ethereum.InvalidTransactionException;
import io.zgnode.ethereum.TransactionDecoder;

/** Transactions read back from blocks: decoded, with the sender recorded when it was included. */
final class Transactions {

    private Transactions() {
    }

    static Transaction read(byte[] raw, Address sender) {
        try {
            return TransactionDecoder.decode(raw, sender);
        } catch (InvalidTransactionException e) {
            throw new IllegalStateException("a stored transaction does not decode: " + e.getMessage(), e);
        }
    }
}
