package io.zgnode.ledger.execution;

/** A call ran out of gas: it is undone and all its gas is used. */
final class OutOfGasException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    OutOfGasException() {
        super("out of gas", null, false, false);
    }
}
