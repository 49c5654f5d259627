package io.zgnode.consensus.bft.core;

import java.util.ArrayList;
import java.util.List;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.consensus.Validator;
import io.zgnode.crypto.Ed25519;
import io.zgnode.crypto.Keccak256;
import io.zgnode.ethereum.RlpItem;

/** Deterministic validator keys and sets for tests. */
final class TestValidators {

    static final long CHAIN_ID = 4242;

    private TestValidators() {
    }

    static Ed25519.KeyPair pair(int index) {
        byte[] seed = new byte[32];
        seed[0] = (byte) (index + 1);
        seed[31] = 0x42;
        return Ed25519.fromSeed(seed);
    }

    static ValidatorKey key(int index) {
        return ValidatorKey.of(pair(index));
    }

    static Address address(int index) {
        byte[] bytes = new byte[20];
        bytes[19] = (byte) (index + 1);
        bytes[0] = 0x10;
        return Address.of(bytes);
    }

    static ValidatorSet set(long... powers) {
        List<Validator> validators = new ArrayList<>();
        for (int i = 0; i < powers.length; i++) {
            validators.add(new Validator(address(i), pair(i).publicKey().bytes(), powers[i]));
        }
        return ValidatorSet.of(validators);
    }

    static Hash value(String name) {
        return Hash.of(Keccak256.hash(name.getBytes()));
    }

    static Hash value(long height, int round, int node) {
        return Hash.of(Keccak256.hash(RlpItem.list(RlpItem.of(height), RlpItem.of(round), RlpItem.of(node)).encode()));
    }
}
