package io.zgnode.ledger.pool;

import io.zgnode.api.chain.Transaction;
import io.zgnode.api.chain.TransactionRejectedException;

/** Decodes a raw transaction and checks what can be checked without the state. */
@FunctionalInterface
public interface TransactionCheck {

    Transaction decode(byte[] raw) throws TransactionRejectedException;
}
