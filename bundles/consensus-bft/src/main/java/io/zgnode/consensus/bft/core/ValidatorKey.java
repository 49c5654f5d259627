package io.zgnode.consensus.bft.core;

import io.zgnode.crypto.Ed25519;

/** This node's validator key: signs consensus messages. */
public interface ValidatorKey {

    byte[] publicKey();

    byte[] sign(byte[] message);

    static ValidatorKey of(Ed25519.KeyPair pair) {
        byte[] publicKey = pair.publicKey().bytes();
        return new ValidatorKey() {
            @Override
            public byte[] publicKey() {
                return publicKey.clone();
            }

            @Override
            public byte[] sign(byte[] message) {
                return pair.sign(message);
            }

            @Override
            public String toString() {
                return "ValidatorKey[" + io.zgnode.crypto.Hex.encode(publicKey) + "]";
            }
        };
    }
}
