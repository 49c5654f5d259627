package io.zgnode.consensus.solo;

/**
 * Block timestamps: the wall clock in whole seconds, never behind the parent's, so timestamps
 * never go backwards even if the machine's clock does. The timestamp is decided here, by
 * consensus, and recorded in the block: execution never reads a clock.
 */
final class BlockClock {

    private BlockClock() {
    }

    static long timestamp(long parentTimestamp, long nowMillis) {
        return Math.max(parentTimestamp, nowMillis / 1000);
    }
}
