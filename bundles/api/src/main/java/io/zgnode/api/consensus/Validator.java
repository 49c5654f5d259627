package io.zgnode.api.consensus;

import java.util.Arrays;

import io.zgnode.api.chain.Address;

/**
 * A member of the validator set.
 *
 * @param address its account (proposer fees, stake)
 * @param publicKey its Ed25519 consensus key (32 bytes)
 * @param power its voting power (stake weight)
 */
public record Validator(Address address, byte[] publicKey, long power) {

    public Validator {
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Validator v && address.equals(v.address) && Arrays.equals(publicKey, v.publicKey) && power == v.power;
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }
}
