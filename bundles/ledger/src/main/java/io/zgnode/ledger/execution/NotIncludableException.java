package io.zgnode.ledger.execution;

/**
 * A transaction cannot go into this block (wrong nonce, funds short, block full): a block builder
 * skips it; a block that contains it is invalid.
 */
public final class NotIncludableException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why: a stale transaction can be dropped from the pool; the others may fit a later block. */
    public enum Reason { NONCE_TOO_LOW, NONCE_TOO_HIGH, FEE_CAP_BELOW_BASE_FEE, INSUFFICIENT_FUNDS, BLOCK_FULL, INVALID }

    private final Reason reason;

    NotIncludableException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
