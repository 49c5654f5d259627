package io.zgnode.consensus.bft.core;

import io.zgnode.api.chain.Hash;

/**
 * What the core asks of its environment. Called synchronously while the core handles an input;
 * an implementation must not call back into the core from these methods but queue the work and
 * feed the result in later (the core is not re-entrant).
 */
public interface Outbox {

    /** Send a signed proposal (with its block) to every other node. */
    void broadcast(Proposal proposal);

    /** Send a signed vote to every other node. */
    void broadcast(Vote vote);

    /** Call {@link TendermintCore#onTimeout} with {@code timeout} after its delay. */
    void schedule(Timeout timeout);

    /** This node proposes at (height, round): build a block, then {@link TendermintCore#onValue}. */
    void requestValue(long height, int round);

    /** Check (execute) a proposed block, then {@link TendermintCore#onValidity}. */
    void requestValidation(long height, Hash value);

    /** The height is decided: commit the block with this certificate, then start the next height. */
    void decided(Certificate certificate);

    /** A validator equivocated. */
    void evidence(Evidence evidence);

    /**
     * More than two thirds precommitted a block this node has not seen: fetch it (block sync), or
     * wait for its proposal to be sent again.
     */
    default void valueMissing(long height, int round, Hash value) {
    }
}
