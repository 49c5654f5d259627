package io.zgnode.crypto;

import io.zgnode.crypto.internal.Keccak256Sponge;
import java.util.Objects;

/**
 * Keccak-256 as Ethereum uses it: the original Keccak padding, so results differ from the
 * standardized SHA3-256. The static functions allocate only their result and a 200-byte state;
 * a caller hashing in a tight loop can own a {@link Hasher} and write digests into its own buffer.
 */
public final class Keccak256 {
    public static final int DIGEST_LENGTH = Keccak256Sponge.DIGEST_LENGTH;

    private Keccak256() {
    }

    public static byte[] hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    public static byte[] hash(byte[] data, int off, int len) {
        return new Hasher().update(data, off, len).digest();
    }

    /** The hash of {@code a} followed by {@code b}, without concatenating them (Merkle inner nodes). */
    public static byte[] hash(byte[] a, byte[] b) {
        return new Hasher().update(a).update(b).digest();
    }

    /**
     * Incremental Keccak-256. {@code digest} resets it, so one hasher serves any number of
     * messages in turn. Not thread-safe: give each thread its own.
     */
    public static final class Hasher {
        private final Keccak256Sponge sponge = new Keccak256Sponge();

        public Hasher update(byte b) {
            sponge.absorb(b);
            return this;
        }

        public Hasher update(byte[] data) {
            return update(data, 0, data.length);
        }

        public Hasher update(byte[] data, int off, int len) {
            Objects.checkFromIndexSize(off, len, data.length);
            sponge.absorb(data, off, len);
            return this;
        }

        /** Finishes the message, returns its hash, and starts a new message. */
        public byte[] digest() {
            byte[] out = new byte[DIGEST_LENGTH];
            sponge.squeeze(out, 0);
            return out;
        }

        /** Finishes the message, writes its 32-byte hash to {@code out} at {@code off}, and starts a new message. */
        public void digest(byte[] out, int off) {
            Objects.checkFromIndexSize(off, DIGEST_LENGTH, out.length);
            sponge.squeeze(out, off);
        }

        /** Discards the input given since the last digest. */
        public void reset() {
            sponge.reset();
        }
    }
}
