package io.zgnode.consensus.bft.core;

import java.util.Arrays;
import java.util.Objects;

import io.zgnode.api.chain.Hash;

/**
 * A signed vote.
 *
 * @param value the block hash voted for; {@code null} is nil
 * @param validator the voter's index in the height's validator set
 * @param signature Ed25519 over {@link Messages#voteSignBytes}
 */
public record Vote(VoteType type, long height, int round, Hash value, int validator, byte[] signature) {

    public Vote {
        Objects.requireNonNull(type, "type");
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public boolean isNil() {
        return value == null;
    }

    /** Whether this and {@code other} say the same thing (signatures aside). */
    public boolean sameContent(Vote other) {
        return type == other.type && height == other.height && round == other.round && Objects.equals(value, other.value)
                && validator == other.validator;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Vote v && sameContent(v) && Arrays.equals(signature, v.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, height, round, value, validator);
    }

    @Override
    public String toString() {
        return type.name().toLowerCase() + "(" + height + "/" + round + " " + (value == null ? "nil" : value.toString().substring(0, 10))
                + " by #" + validator + ")";
    }
}
