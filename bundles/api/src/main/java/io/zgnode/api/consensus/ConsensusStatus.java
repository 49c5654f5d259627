package io.zgnode.api.consensus;

import java.util.List;

import io.zgnode.api.chain.Hash;

/**
 * Where an engine is.
 *
 * @param height the height being decided (the head's + 1)
 * @param round the round at that height
 * @param step the step in the round, e.g. {@code propose}, {@code prevote}, {@code precommit}
 * @param lastCommit the hash of the last committed block
 * @param validators the validator set deciding {@code height}
 * @param self this node's validator, or {@code null} when it only follows
 */
public record ConsensusStatus(String engine, long height, int round, String step, Hash lastCommit, List<Validator> validators,
        Validator self) {

    public ConsensusStatus {
        validators = List.copyOf(validators);
    }
}
