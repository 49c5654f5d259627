package io.zgnode.crypto;

import io.zgnode.crypto.internal.Checks;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * X25519 key agreement (RFC 7748) for peer session keys, on BouncyCastle's low-level
 * implementation: 32-byte private keys, public keys and shared secrets. The shared secret is raw
 * curve output: run it through a KDF (with both public keys) before using it as a key.
 */
public final class X25519 {
    public static final int KEY_LENGTH = org.bouncycastle.math.ec.rfc7748.X25519.POINT_SIZE;

    private X25519() {
    }

    /** A new key pair, e.g. an ephemeral one per session. */
    public static KeyPair generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] privateKey = new byte[KEY_LENGTH];
        org.bouncycastle.math.ec.rfc7748.X25519.generatePrivateKey(random, privateKey);
        return new KeyPair(privateKey);
    }

    /**
     * The key pair of a 32-byte private key (any 32 bytes; RFC 7748 clamps them when used).
     *
     * @throws IllegalArgumentException if {@code privateKey} is not 32 bytes
     */
    public static KeyPair fromPrivateKey(byte[] privateKey) {
        return new KeyPair(Checks.requireLength(privateKey, KEY_LENGTH, "X25519 private key").clone());
    }

    /** A private key and its public key. {@link #toString()} never shows the private key. */
    public static final class KeyPair {
        private final byte[] privateKey;
        private final byte[] publicKey;

        private KeyPair(byte[] privateKey) {
            this.privateKey = privateKey;
            this.publicKey = new byte[KEY_LENGTH];
            org.bouncycastle.math.ec.rfc7748.X25519.generatePublicKey(privateKey, 0, publicKey, 0);
        }

        public byte[] privateKey() {
            return privateKey.clone();
        }

        public byte[] publicKey() {
            return publicKey.clone();
        }

        /**
         * The secret shared with the owner of {@code peerPublicKey}.
         *
         * @throws IllegalArgumentException if {@code peerPublicKey} is not 32 bytes
         * @throws InvalidKeyException if the peer's key is a low-order point, which would make the
         *     secret all zeros whatever our key (RFC 7748, section 6.1)
         */
        public byte[] agree(byte[] peerPublicKey) throws InvalidKeyException {
            Checks.requireLength(peerPublicKey, KEY_LENGTH, "X25519 peer public key");
            byte[] secret = new byte[KEY_LENGTH];
            if (!org.bouncycastle.math.ec.rfc7748.X25519.calculateAgreement(privateKey, 0, peerPublicKey, 0, secret, 0)) {
                throw new InvalidKeyException("X25519 peer public key is a low-order point");
            }
            return secret;
        }

        /** Compares in constant time. */
        @Override
        public boolean equals(Object other) {
            return other instanceof KeyPair that && MessageDigest.isEqual(privateKey, that.privateKey);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(publicKey);
        }

        @Override
        public String toString() {
            return "X25519.KeyPair[publicKey=" + Hex.encode(publicKey) + "]";
        }
    }
}
