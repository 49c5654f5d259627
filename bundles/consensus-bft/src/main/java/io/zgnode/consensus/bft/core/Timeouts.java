package io.zgnode.consensus.bft.core;

/**
 * How long each step waits, growing with the round so that a round eventually lasts long enough
 * for every honest message to arrive (the partial synchrony Tendermint's liveness needs):
 * {@code base + round * delta}.
 *
 * @param commitMillis the pause after a commit before the next height starts (late precommits
 *        and transactions gather meanwhile)
 */
public record Timeouts(long proposeMillis, long prevoteMillis, long precommitMillis, long deltaMillis, long commitMillis) {

    /** Ten minutes: no step waits longer, whatever the round. */
    public static final long MAX_MILLIS = 600_000;

    public Timeouts {
        if (proposeMillis < 0 || prevoteMillis < 0 || precommitMillis < 0 || deltaMillis < 0 || commitMillis < 0) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
    }

    public long propose(int round) {
        return grow(proposeMillis, round);
    }

    public long prevote(int round) {
        return grow(prevoteMillis, round);
    }

    public long precommit(int round) {
        return grow(precommitMillis, round);
    }

    public long of(Step step, int round) {
        return switch (step) {
            case PROPOSE -> propose(round);
            case PREVOTE -> prevote(round);
            case PRECOMMIT -> precommit(round);
            case COMMIT -> commitMillis;
        };
    }

    private long grow(long base, int round) {
        long extra = deltaMillis == 0 ? 0 : (round > MAX_MILLIS / deltaMillis ? MAX_MILLIS : round * deltaMillis);
        return Math.min(MAX_MILLIS, base + extra);
    }
}
