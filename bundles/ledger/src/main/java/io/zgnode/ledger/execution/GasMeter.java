package io.zgnode.ledger.execution;

/** Gas left for a call; running out ends it ({@link OutOfGasException}). */
final class GasMeter {

    private long left;

    GasMeter(long gas) {
        this.left = gas;
    }

    void charge(long gas) {
        if (gas < 0) {
            throw new IllegalArgumentException("negative gas");
        }
        if (gas > left) {
            left = 0;
            throw new OutOfGasException();
        }
        left -= gas;
    }

    long left() {
        return left;
    }
}
