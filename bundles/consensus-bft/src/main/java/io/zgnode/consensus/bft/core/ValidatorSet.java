package io.zgnode.consensus.bft.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zgnode.api.chain.Address;
import io.zgnode.api.consensus.Validator;
import io.zgnode.crypto.Ed25519;
import io.zgnode.crypto.Hex;

/**
 * The validators deciding a height, in a fixed order (their index is how votes and certificates
 * name them), with their voting power. A quorum is more than two thirds of the total power; a
 * "one third" set (enough to contain an honest validator when fewer than a third are faulty) is
 * more than a third. Immutable and thread-safe.
 */
public final class ValidatorSet {

    /** Total power is bounded so that {@code 3 * power} never overflows. */
    public static final long MAX_TOTAL_POWER = Long.MAX_VALUE / 4;

    private final List<Validator> validators;
    private final Ed25519.PublicKey[] keys;
    private final long totalPower;
    private final Map<String, Integer> byKey = new HashMap<>();
    private final ProposerRotation rotation;

    private ValidatorSet(List<Validator> validators) {
        if (validators.isEmpty()) {
            throw new IllegalArgumentException("the validator set is empty");
        }
        this.validators = List.copyOf(validators);
        this.keys = new Ed25519.PublicKey[validators.size()];
        Set<Address> addresses = new HashSet<>();
        long total = 0;
        for (int i = 0; i < validators.size(); i++) {
            Validator validator = validators.get(i);
            if (validator.power() <= 0) {
                throw new IllegalArgumentException("validator " + validator.address() + " has power " + validator.power() + ": it must be positive");
            }
            if (!addresses.add(validator.address())) {
                throw new IllegalArgumentException("validator " + validator.address() + " is listed twice");
            }
            byte[] key = validator.publicKey();
            try {
                keys[i] = Ed25519.PublicKey.of(key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("validator " + validator.address() + ": " + e.getMessage());
            }
            if (byKey.put(Hex.encode(key), i) != null) {
                throw new IllegalArgumentException("validator " + validator.address() + " shares its public key with another");
            }
            total += validator.power();
            if (total > MAX_TOTAL_POWER) {
                throw new IllegalArgumentException("the validators' total power exceeds " + MAX_TOTAL_POWER);
            }
        }
        this.totalPower = total;
        long[] powers = validators.stream().mapToLong(Validator::power).toArray();
        this.rotation = new ProposerRotation(powers, validators.stream().map(Validator::address).toList());
    }

    public static ValidatorSet of(List<Validator> validators) {
        return new ValidatorSet(new ArrayList<>(validators));
    }

    public int size() {
        return validators.size();
    }

    public List<Validator> validators() {
        return validators;
    }

    public Validator validator(int index) {
        return validators.get(index);
    }

    public long power(int index) {
        return validators.get(index).power();
    }

    public long totalPower() {
        return totalPower;
    }

    /** The index of the validator with this Ed25519 key, or -1. */
    public int indexOf(byte[] publicKey) {
        return byKey.getOrDefault(Hex.encode(publicKey), -1);
    }

    public boolean contains(int index) {
        return index >= 0 && index < validators.size();
    }

    /** More than two thirds of the total power. */
    public boolean isQuorum(long power) {
        return 3 * power > 2 * totalPower;
    }

    /** More than one third of the total power: at least one honest validator among them when f < n/3. */
    public boolean exceedsOneThird(long power) {
        return 3 * power > totalPower;
    }

    /** Whether {@code signature} is validator {@code index}'s signature of {@code message}. */
    public boolean verify(int index, byte[] message, byte[] signature) {
        return contains(index) && keys[index].verify(message, signature);
    }

    /** The index of the proposer of {@code (height, round)}: the same on every node. */
    public int proposer(long height, int round) {
        return rotation.proposerAt(height + round);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValidatorSet set && validators.equals(set.validators);
    }

    @Override
    public int hashCode() {
        return validators.hashCode();
    }

    @Override
    public String toString() {
        return "ValidatorSet" + Arrays.toString(validators.stream().map(v -> v.address() + ":" + v.power()).toArray());
    }
}
