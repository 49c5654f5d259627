package io.zgnode.consensus.bft.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zgnode.api.chain.Hash;

/**
 * The votes of one type at one height and round: at most one per validator (the first seen; a
 * different second one is equivocation), with the power behind each value and behind nil.
 */
final class VoteSet {

    private final ValidatorSet set;
    private final Vote[] votes;
    private final Map<Hash, Long> powerByValue = new HashMap<>();
    private long nilPower;
    private long totalPower;

    VoteSet(ValidatorSet set) {
        this.set = set;
        this.votes = new Vote[set.size()];
    }

    Vote get(int validator) {
        return votes[validator];
    }

    /** Adds a vote of a validator that has none here yet. */
    void add(Vote vote) {
        if (votes[vote.validator()] != null) {
            throw new IllegalStateException("validator #" + vote.validator() + " has voted here already");
        }
        votes[vote.validator()] = vote;
        long power = set.power(vote.validator());
        totalPower += power;
        if (vote.value() == null) {
            nilPower += power;
        } else {
            powerByValue.merge(vote.value(), power, Long::sum);
        }
    }

    long power(Hash value) {
        return value == null ? nilPower : powerByValue.getOrDefault(value, 0L);
    }

    long nilPower() {
        return nilPower;
    }

    /** The power of everything voted here, any value or nil. */
    long totalPower() {
        return totalPower;
    }

    /** The block with more than two thirds of the power, or {@code null}. */
    Hash quorumValue() {
        for (Map.Entry<Hash, Long> entry : powerByValue.entrySet()) {
            if (set.isQuorum(entry.getValue())) {
                return entry.getKey();
            }
        }
        return null;
    }

    List<Vote> votesFor(Hash value) {
        List<Vote> found = new ArrayList<>();
        for (Vote vote : votes) {
            if (vote != null && java.util.Objects.equals(vote.value(), value)) {
                found.add(vote);
            }
        }
        return found;
    }

    List<Vote> all() {
        List<Vote> found = new ArrayList<>();
        for (Vote vote : votes) {
            if (vote != null) {
                found.add(vote);
            }
        }
        return found;
    }
}
