package io.zgnode.statetree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Hex;
import io.zgnode.crypto.Keccak256;

/**
 * A proof that a key hash has a given value hash in a state tree, or that it is absent: the
 * sibling hashes along the key's path from the root down to where the path ends, and what it
 * ends in (a leaf, which is the key's own or another key's, or an empty position). Immutable;
 * safe to share between threads. The format and the check are specified in the
 * {@linkplain io.zgnode.statetree package documentation}.
 */
public final class Proof {

    /** The deepest a path can end: one level per bit of a key hash. */
    public static final int MAX_DEPTH = 256;
    /** Length of the longest encoded proof. */
    public static final int MAX_ENCODED_LENGTH = 3 + MAX_DEPTH / 8 + MAX_DEPTH * 32 + 64;

    static final byte ENDS_EMPTY = 0x00;
    static final byte ENDS_IN_LEAF = 0x01;
    private static final int HASH = 32;
    private static final byte[] ZERO = new byte[HASH];

    private final int depth;
    /** depth * 32 bytes, root side first; zero bytes for empty siblings. */
    private final byte[] siblings;
    private final byte[] leafKey;
    private final byte[] leafValue;

    /** Takes ownership of the arrays. */
    Proof(int depth, byte[] siblings, byte[] leafKey, byte[] leafValue) {
        this.depth = depth;
        this.siblings = siblings;
        this.leafKey = leafKey;
        this.leafValue = leafValue;
    }

    /** Number of siblings: the binary depth at which the key's path ends. */
    public int depth() {
        return depth;
    }

    /**
     * Sibling {@code index}: the hash of the other child at binary depth {@code index + 1} on
     * the key's path ({@link Hash#ZERO} for an empty subtree); index 0 is next to the root.
     */
    public Hash sibling(int index) {
        Objects.checkIndex(index, depth);
        return Hash.of(Arrays.copyOfRange(siblings, index * HASH, (index + 1) * HASH));
    }

    /** All siblings, root side first. */
    public List<Hash> siblings() {
        List<Hash> out = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            out.add(sibling(i));
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether the path ends in a leaf (the key's own or another's) rather than an empty position. */
    public boolean endsInLeaf() {
        return leafKey != null;
    }

    /** The key hash of the leaf the path ends in, or null when it ends in an empty position. */
    public Hash leafKey() {
        return leafKey == null ? null : Hash.of(leafKey);
    }

    /** The value hash of the leaf the path ends in, or null when it ends in an empty position. */
    public Hash leafValue() {
        return leafValue == null ? null : Hash.of(leafValue);
    }

    /**
     * The value hash this proof shows for {@code keyHash}: the leaf's value when the path ends in
     * that key's leaf, null when it shows the key absent. Says nothing about any root: check the
     * proof with {@link #verify} (passing what this returns) before trusting it.
     */
    public Hash valueFor(Hash keyHash) {
        Objects.requireNonNull(keyHash, "keyHash");
        return leafKey != null && Arrays.equals(leafKey, keyHash.toArray()) ? Hash.of(leafValue) : null;
    }

    /**
     * Whether this proof shows that, in the tree with root {@code root}, {@code keyHash} has
     * value hash {@code valueHash} (inclusion) or, for a null {@code valueHash}, is absent
     * (exclusion). Needs nothing but Keccak-256.
     */
    public boolean verify(Hash root, Hash keyHash, Hash valueHash) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(keyHash, "keyHash");
        byte[] key = keyHash.toArray();
        byte[] bottom = new byte[HASH];
        Keccak256.Hasher hasher = new Keccak256.Hasher();
        if (valueHash != null) {
            if (leafKey == null || !Arrays.equals(leafKey, key) || !Arrays.equals(leafValue, valueHash.toArray())) {
                return false;
            }
        } else if (leafKey != null && Arrays.equals(leafKey, key)) {
            return false;
        }
        if (leafKey != null) {
            // another key's leaf proves absence only where the key's path ends in it
            if (!samePrefix(leafKey, key, depth)) {
                return false;
            }
            hasher.update((byte) 0x00).update(leafKey).update(leafValue).digest(bottom, 0);
        }
        return Arrays.equals(fold(key, bottom, hasher), root.toArray());
    }

    /** Hashes from the bottom of the path up to the root. */
    private byte[] fold(byte[] key, byte[] bottom, Keccak256.Hasher hasher) {
        byte[] h = bottom;
        for (int i = depth - 1; i >= 0; i--) {
            int bit = (key[i >>> 3] >>> (7 - (i & 7))) & 1;
            hasher.update((byte) 0x01);
            if (bit == 0) {
                hasher.update(h).update(siblings, i * HASH, HASH);
            } else {
                hasher.update(siblings, i * HASH, HASH).update(h);
            }
            hasher.digest(h, 0);
        }
        return h;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        for (int i = 0; i < bits; i++) {
            if (((a[i >>> 3] ^ b[i >>> 3]) & (0x80 >>> (i & 7))) != 0) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ encoding

    /** The encoding specified in the package documentation. */
    public byte[] toBytes() {
        int bitmapLength = (depth + 7) / 8;
        int nonZero = 0;
        byte[] bitmap = new byte[bitmapLength];
        for (int i = 0; i < depth; i++) {
            if (!Arrays.equals(siblings, i * HASH, (i + 1) * HASH, ZERO, 0, HASH)) {
                bitmap[i >>> 3] |= (byte) (0x80 >>> (i & 7));
                nonZero++;
            }
        }
        byte[] out = new byte[3 + bitmapLength + nonZero * HASH + (leafKey == null ? 0 : 2 * HASH)];
        out[0] = leafKey == null ? ENDS_EMPTY : ENDS_IN_LEAF;
        out[1] = (byte) (depth >>> 8);
        out[2] = (byte) depth;
        System.arraycopy(bitmap, 0, out, 3, bitmapLength);
        int at = 3 + bitmapLength;
        for (int i = 0; i < depth; i++) {
            if ((bitmap[i >>> 3] & (0x80 >>> (i & 7))) != 0) {
                System.arraycopy(siblings, i * HASH, out, at, HASH);
                at += HASH;
            }
        }
        if (leafKey != null) {
            System.arraycopy(leafKey, 0, out, at, HASH);
            System.arraycopy(leafValue, 0, out, at + HASH, HASH);
        }
        return out;
    }

    /** {@code 0x}-prefixed lower-case hex of {@link #toBytes()}. */
    public String toHex() {
        return Hex.encode(toBytes());
    }

    /**
     * Parses an encoded proof, strictly: every byte must be where the format puts it, and each
     * proof has exactly one encoding.
     *
     * @throws IllegalArgumentException naming what is wrong, for any input that is not a proof
     */
    public static Proof fromBytes(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded proof");
        if (encoded.length < 3) {
            throw bad("too short: " + encoded.length + " bytes, at least 3 needed");
        }
        if (encoded.length > MAX_ENCODED_LENGTH) {
            throw bad("too long: " + encoded.length + " bytes, at most " + MAX_ENCODED_LENGTH);
        }
        byte kind = encoded[0];
        if (kind != ENDS_EMPTY && kind != ENDS_IN_LEAF) {
            throw bad("unknown kind 0x" + Integer.toHexString(kind & 0xff) + " (0x00: ends empty, 0x01: ends in a leaf)");
        }
        int depth = ((encoded[1] & 0xff) << 8) | (encoded[2] & 0xff);
        if (depth > MAX_DEPTH) {
            throw bad("depth " + depth + " exceeds " + MAX_DEPTH);
        }
        int bitmapLength = (depth + 7) / 8;
        if (encoded.length < 3 + bitmapLength) {
            throw bad("truncated in the sibling bitmap");
        }
        int nonZero = 0;
        for (int i = 0; i < bitmapLength; i++) {
            nonZero += Integer.bitCount(encoded[3 + i] & 0xff);
        }
        if ((depth & 7) != 0 && (encoded[2 + bitmapLength] & (0xff >>> (depth & 7))) != 0) {
            throw bad("sibling bitmap has bits set beyond depth " + depth);
        }
        int expected = 3 + bitmapLength + nonZero * HASH + (kind == ENDS_IN_LEAF ? 2 * HASH : 0);
        if (encoded.length != expected) {
            throw bad(encoded.length + " bytes where its header and bitmap call for " + expected);
        }
        byte[] siblings = new byte[depth * HASH];
        int at = 3 + bitmapLength;
        for (int i = 0; i < depth; i++) {
            if ((encoded[3 + (i >>> 3)] & (0x80 >>> (i & 7))) != 0) {
                if (Arrays.equals(encoded, at, at + HASH, ZERO, 0, HASH)) {
                    throw bad("sibling " + i + " is marked non-zero but is zero");
                }
                System.arraycopy(encoded, at, siblings, i * HASH, HASH);
                at += HASH;
            }
        }
        byte[] leafKey = null;
        byte[] leafValue = null;
        if (kind == ENDS_IN_LEAF) {
            leafKey = Arrays.copyOfRange(encoded, at, at + HASH);
            leafValue = Arrays.copyOfRange(encoded, at + HASH, at + 2 * HASH);
        }
        return new Proof(depth, siblings, leafKey, leafValue);
    }

    /**
     * Parses {@link #toHex()} output (either case, {@code 0x} optional).
     *
     * @throws IllegalArgumentException for bad hex or a malformed proof
     */
    public static Proof fromHex(String hex) {
        Objects.requireNonNull(hex, "hex proof");
        if (hex.length() > 2 + 2 * MAX_ENCODED_LENGTH) {
            throw bad("too long: " + hex.length() + " hex characters");
        }
        return fromBytes(Hex.decode(hex));
    }

    private static IllegalArgumentException bad(String problem) {
        return new IllegalArgumentException("malformed state proof: " + problem);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Proof p && depth == p.depth && Arrays.equals(siblings, p.siblings)
                && Arrays.equals(leafKey, p.leafKey) && Arrays.equals(leafValue, p.leafValue);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(siblings) + Arrays.hashCode(leafKey)) + depth;
    }

    @Override
    public String toString() {
        return "Proof[depth " + depth + (leafKey == null ? ", ends empty" : ", ends in leaf " + Hex.encode(leafKey)) + "]";
    }
}
