package io.zgnode.api.chain;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a consensus engine drives: build a block from the pool, execute a block proposed by
 * another node, commit the one that was decided. One block is committed at a time, always on top
 * of the head; executed blocks that were not decided are discarded.
 */
@ProviderType
public interface BlockExecutor {

    /**
     * Builds and executes the next block from the pool's transactions.
     *
     * @param proposer who proposes it (receives the priority fees)
     * @param timestamp its time in seconds, at least the head's
     */
    ExecutedBlock propose(Address proposer, long timestamp);

    /**
     * Executes a block another node proposed and checks its header (parent, roots, gas) against
     * the outcome.
     */
    ExecutedBlock execute(Block proposed) throws InvalidBlockException;

    /**
     * Makes an executed block the new head, atomically and durably, with the proof of its
     * finality (a commit certificate; empty for a single validator).
     *
     * @throws IllegalStateException if the head moved since the block was executed
     */
    void commit(ExecutedBlock block, byte[] certificate);

    /** Drops an executed block that was not decided. */
    void discard(ExecutedBlock block);

    /** The commit certificate stored with a block, or an empty array. */
    byte[] certificate(long number);
}
