package io.zgnode.consensus.bft.core;

import java.util.Arrays;
import java.util.Objects;

import io.zgnode.api.chain.Hash;

/**
 * A signed proposal of a block (by its hash; the block itself travels next to it).
 *
 * @param polRound the round of the polka that makes the value valid ({@code validRound}), or -1
 * @param proposer the proposer's index in the height's validator set
 * @param signature Ed25519 over {@link Messages#proposalSignBytes}
 */
public record Proposal(long height, int round, int polRound, Hash value, int proposer, byte[] signature) {

    public Proposal {
        Objects.requireNonNull(value, "value");
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public boolean sameContent(Proposal other) {
        return height == other.height && round == other.round && polRound == other.polRound && value.equals(other.value)
                && proposer == other.proposer;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Proposal p && sameContent(p) && Arrays.equals(signature, p.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(height, round, value, proposer);
    }

    @Override
    public String toString() {
        return "proposal(" + height + "/" + round + " " + value.toString().substring(0, 10) + " pol " + polRound + " by #" + proposer + ")";
    }
}
