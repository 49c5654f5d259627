package io.zgnode.api.chain;

/**
 * A transaction was not accepted into the pool; the message says why in one line (wrong chain id,
 * nonce too low, insufficient funds, ...). Nothing was changed.
 */
public class TransactionRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    public TransactionRejectedException(String message) {
        super(message, null, false, false);
    }
}
