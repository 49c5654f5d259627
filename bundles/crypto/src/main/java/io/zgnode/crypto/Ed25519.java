package io.zgnode.crypto;

import io.zgnode.crypto.internal.Checks;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Ed25519 signatures (RFC 8032, pure variant, no context) for node and validator identities, on
 * BouncyCastle's low-level implementation: 32-byte seeds and public keys, 64-byte signatures.
 */
public final class Ed25519 {
    public static final int KEY_LENGTH = org.bouncycastle.math.ec.rfc8032.Ed25519.PUBLIC_KEY_SIZE;
    public static final int SIGNATURE_LENGTH = org.bouncycastle.math.ec.rfc8032.Ed25519.SIGNATURE_SIZE;

    private Ed25519() {
    }

    /** A new key pair from a random 32-byte seed. */
    public static KeyPair generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] seed = new byte[KEY_LENGTH];
        random.nextBytes(seed);
        return new KeyPair(seed);
    }

    /**
     * The key pair of a 32-byte seed (RFC 8032's "private key").
     *
     * @throws IllegalArgumentException if {@code seed} is not 32 bytes
     */
    public static KeyPair fromSeed(byte[] seed) {
        return new KeyPair(Checks.requireLength(seed, KEY_LENGTH, "Ed25519 seed").clone());
    }

    /** A seed and its public key. {@link #toString()} never shows the seed. */
    public static final class KeyPair {
        private final byte[] seed;
        private final byte[] publicKeyBytes;
        private final PublicKey publicKey;

        private KeyPair(byte[] seed) {
            this.seed = seed;
            var point = org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0);
            this.publicKeyBytes = new byte[KEY_LENGTH];
            org.bouncycastle.math.ec.rfc8032.Ed25519.encodePublicPoint(point, publicKeyBytes, 0);
            // derived from a seed, so valid: no need for the checks PublicKey.of makes
            this.publicKey = new PublicKey(publicKeyBytes.clone(), point);
        }

        /** The 32-byte seed, to be stored securely. */
        public byte[] seed() {
            return seed.clone();
        }

        public PublicKey publicKey() {
            return publicKey;
        }

        /** The 64-byte signature of {@code message}; the same message always gives the same signature. */
        public byte[] sign(byte[] message) {
            byte[] signature = new byte[SIGNATURE_LENGTH];
            org.bouncycastle.math.ec.rfc8032.Ed25519.sign(
                    seed, 0, publicKeyBytes, 0, message, 0, message.length, signature, 0);
            return signature;
        }

        /** Compares in constant time. */
        @Override
        public boolean equals(Object other) {
            return other instanceof KeyPair that && MessageDigest.isEqual(seed, that.seed);
        }

        @Override
        public int hashCode() {
            return publicKey.hashCode();
        }

        @Override
        public String toString() {
            return "Ed25519.KeyPair[publicKey=" + Hex.encode(publicKeyBytes) + "]";
        }
    }

    /**
     * An Ed25519 public key, decoded and checked once so that each verification skips that work:
     * keep one per peer or validator rather than verifying against raw bytes.
     */
    public static final class PublicKey {
        private final byte[] bytes;
        private final org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point;

        private PublicKey(byte[] bytes, org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point) {
            this.bytes = bytes;
            this.point = point;
        }

        /**
         * The key with this 32-byte encoding.
         *
         * @throws IllegalArgumentException if {@code bytes} is not 32 bytes, not a point on the
         *     curve, or a point of small order (for which anyone can forge signatures)
         */
        public static PublicKey of(byte[] bytes) {
            Checks.requireLength(bytes, KEY_LENGTH, "Ed25519 public key");
            byte[] copy = bytes.clone();
            var point = org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFullExport(copy, 0);
            if (point == null) {
                throw new IllegalArgumentException("not a valid Ed25519 public key: " + Hex.encode(copy));
            }
            return new PublicKey(copy, point);
        }

        /** The 32-byte encoding. */
        public byte[] bytes() {
            return bytes.clone();
        }

        /** True if {@code signature} is this key's signature of {@code message}; false for a signature of the wrong length. */
        public boolean verify(byte[] message, byte[] signature) {
            Objects.requireNonNull(message, "message");
            if (signature.length != SIGNATURE_LENGTH) {
                return false;
            }
            return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, point, message, 0, message.length);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PublicKey that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Ed25519.PublicKey[" + Hex.encode(bytes) + "]";
        }
    }
}
