package io.zgnode.api.chain;

/**
 * A transaction was not accepted into the pool; the message says why in one line (wrong chain id,
 * nonce too low, insufficient funds, ...). Nothing was changed.
 */
public class TransactionRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean invalid;

    /** A transaction that could be accepted another time (nonce, funds, a full pool, known already). */
    public TransactionRejectedException(String message) {
        this(message, false);
    }

    /**
     * @param invalid whether the transaction can never be valid (malformed, badly signed, for
     *        another chain): a peer that relays it misbehaves
     */
    public TransactionRejectedException(String message, boolean invalid) {
        super(message, null, false, false);
        this.invalid = invalid;
    }

    public boolean isInvalid() {
        return invalid;
    }
}
