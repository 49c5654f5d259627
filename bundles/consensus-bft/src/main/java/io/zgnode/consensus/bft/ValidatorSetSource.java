package io.zgnode.consensus.bft;

import io.zgnode.consensus.bft.core.ValidatorSet;

/**
 * Where the validator set of a height comes from: the genesis today, the staking module later.
 * The same answer on every node for the same chain.
 */
public interface ValidatorSetSource {

    /** The set deciding {@code height}. */
    ValidatorSet at(long height);
}
