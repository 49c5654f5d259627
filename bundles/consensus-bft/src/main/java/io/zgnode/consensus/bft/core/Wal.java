package io.zgnode.consensus.bft.core;

import java.util.List;

/**
 * The write-ahead log of a validator: what it signed and its lock, durable before a signed message
 * leaves the node. After a restart the core reads it back, so it never signs a different vote or
 * proposal for a (height, round, step) it signed before, re-sends what it signed, and keeps its
 * lock.
 */
public interface Wal {

    /** What was recorded at {@code height}; {@link Recorded#EMPTY} if nothing. */
    Recorded load(long height);

    /** Durably records a vote this node signed, with the lock state it was signed in. */
    void record(Vote vote, LockState state);

    /** Durably records a proposal this node signed, with the lock state it was signed in. */
    void record(Proposal proposal, LockState state);

    /** Forgets everything below {@code height}. */
    void prune(long height);

    /** A height's record: the last lock state, the votes and proposals signed. */
    record Recorded(LockState state, List<Vote> votes, List<Proposal> proposals) {

        public static final Recorded EMPTY = new Recorded(null, List.of(), List.of());

        public Recorded {
            votes = List.copyOf(votes);
            proposals = List.copyOf(proposals);
        }
    }
}
