package io.zgnode.statetree.internal;

import java.util.Arrays;

import io.zgnode.crypto.Keccak256;

/**
 * One stored node: a 16-way branch at a nibble position, standing for the four binary levels
 * below it. Immutable once built, so a node can sit in the cache and be read by any thread.
 *
 * <h2>Encoding (the store value)</h2>
 * <pre>
 *   present  u16 big-endian   bit s set: slot s is not empty
 *   leaves   u16 big-endian   bit s set: slot s holds a leaf (a subset of present)
 *   for each present slot s, in increasing s:
 *     a leaf:  keyHash (32) || valueHash (32)
 *     a child: the hash of the child node, stored at this position + nibble s (32)
 * </pre>
 * A child slot always stands for two or more leaves; a subtree with one leaf is that leaf, kept
 * inline in its parent's slot. Only the root may hold a single leaf (a tree of one key).
 *
 * <h2>Hashes</h2>
 * The node keeps the hashes of its binary sub-positions as a heap: position 1 is the node
 * itself, position p has children 2p and 2p+1, positions 16..31 are the slots. A position
 * with no leaf below hashes to 32 zero bytes; a position with exactly one leaf below (and no
 * child node) hashes to that leaf's hash; any other position hashes to
 * {@code keccak(0x01 || left || right)}. A leaf hashes to {@code keccak(0x00 || keyHash || valueHash)}.
 */
public final class Node {

    public static final int SLOTS = 16;
    static final int HEADER = 4;
    static final int LEAF_BYTES = 2 * Paths.HASH;
    static final int CHILD_BYTES = Paths.HASH;
    private static final int POSITIONS = 2 * SLOTS; // heap positions 1..31; index 0 unused
    private static final byte[] ZERO = new byte[Paths.HASH];

    public static final byte LEAF_PREFIX = 0x00;
    public static final byte INTERNAL_PREFIX = 0x01;

    private final byte[] encoded;
    private final int present;
    private final int leaves;
    /** Heap position p at offset (p - 1) * 32. */
    private final byte[] hashes;
    /** Bit p: no leaf below heap position p. */
    private final int emptyMask;
    /** Bit p: exactly one leaf below heap position p, and no child node. */
    private final int singleMask;

    private Node(byte[] encoded, int present, int leaves, byte[] hashes, int emptyMask, int singleMask) {
        this.encoded = encoded;
        this.present = present;
        this.leaves = leaves;
        this.hashes = hashes;
        this.emptyMask = emptyMask;
        this.singleMask = singleMask;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Decodes and checks a stored node at {@code depth} nibbles below the root on the path of
     * {@code pathKey}, and computes its hashes.
     *
     * @throws IllegalStateException if the bytes are not a well-formed node for that position
     */
    public static Node decode(byte[] encoded, int depth, byte[] pathKey, Keccak256.Hasher hasher) {
        if (encoded.length < HEADER) {
            throw corrupt(depth, pathKey, "too short (" + encoded.length + " bytes)");
        }
        int present = ((encoded[0] & 0xff) << 8) | (encoded[1] & 0xff);
        int leaves = ((encoded[2] & 0xff) << 8) | (encoded[3] & 0xff);
        if (present == 0) {
            throw corrupt(depth, pathKey, "no slot is present");
        }
        if ((leaves & ~present) != 0) {
            throw corrupt(depth, pathKey, "leaf bits outside the present slots");
        }
        int expected = HEADER + Integer.bitCount(leaves) * LEAF_BYTES
                + Integer.bitCount(present & ~leaves) * CHILD_BYTES;
        if (encoded.length != expected) {
            throw corrupt(depth, pathKey, encoded.length + " bytes where its bitmaps call for " + expected);
        }
        if (depth > 0 && Integer.bitCount(present) == 1 && leaves == present) {
            throw corrupt(depth, pathKey, "a non-root node holding a single leaf");
        }
        int offset = HEADER;
        for (int s = 0; s < SLOTS; s++) {
            int bit = 1 << s;
            if ((present & bit) == 0) {
                continue;
            }
            if ((leaves & bit) != 0) {
                // the leaf's key must lie on this node's path, under slot s
                if (!samePrefixNibbles(encoded, offset, pathKey, depth) || nibbleAt(encoded, offset, depth) != s) {
                    throw corrupt(depth, pathKey, "slot " + Integer.toHexString(s) + " holds a leaf of another path");
                }
                offset += LEAF_BYTES;
            } else {
                if (depth == Paths.NIBBLES - 1) {
                    throw corrupt(depth, pathKey, "a child node below the deepest level");
                }
                if (Arrays.equals(encoded, offset, offset + CHILD_BYTES, ZERO, 0, CHILD_BYTES)) {
                    throw corrupt(depth, pathKey, "a zero child hash");
                }
                offset += CHILD_BYTES;
            }
        }
        return hashAll(encoded, present, leaves, hasher);
    }

    private static boolean samePrefixNibbles(byte[] encoded, int offset, byte[] pathKey, int nibbles) {
        for (int i = 0; i < nibbles; i++) {
            if (nibbleAt(encoded, offset, i) != Paths.nibble(pathKey, i)) {
                return false;
            }
        }
        return true;
    }

    private static int nibbleAt(byte[] bytes, int offset, int index) {
        int b = bytes[offset + (index >>> 1)];
        return (index & 1) == 0 ? (b >>> 4) & 0xf : b & 0xf;
    }

    private static IllegalStateException corrupt(int depth, byte[] pathKey, String problem) {
        return new IllegalStateException("state tree node at " + Paths.describe(pathKey, depth)
                + " is corrupt: " + problem);
    }

    /** The stored bytes; do not modify. */
    public byte[] encoded() {
        return encoded;
    }

    /** The node's hash (heap position 1); a fresh copy. */
    public byte[] hash() {
        return Arrays.copyOf(hashes, Paths.HASH);
    }

    public boolean hashEquals(byte[] hash) {
        return Arrays.equals(hashes, 0, Paths.HASH, hash, 0, Paths.HASH);
    }

    public int present() {
        return present;
    }

    public int slotCount() {
        return Integer.bitCount(present);
    }

    public boolean isEmpty(int slot) {
        return (present & (1 << slot)) == 0;
    }

    public boolean isLeaf(int slot) {
        return (leaves & (1 << slot)) != 0;
    }

    public boolean isChild(int slot) {
        int bit = 1 << slot;
        return (present & bit) != 0 && (leaves & bit) == 0;
    }

    private int offset(int slot) {
        int below = (1 << slot) - 1;
        return HEADER + Integer.bitCount(leaves & below) * LEAF_BYTES
                + Integer.bitCount(present & ~leaves & below) * CHILD_BYTES;
    }

    /** The key hash of the leaf in {@code slot}. */
    public byte[] leafKey(int slot) {
        int at = offset(slot);
        return Arrays.copyOfRange(encoded, at, at + Paths.HASH);
    }

    /** The value hash of the leaf in {@code slot}. */
    public byte[] leafValue(int slot) {
        int at = offset(slot) + Paths.HASH;
        return Arrays.copyOfRange(encoded, at, at + Paths.HASH);
    }

    /** Whether the leaf in {@code slot} has key hash {@code key}. */
    public boolean leafKeyEquals(int slot, byte[] key) {
        int at = offset(slot);
        return Arrays.equals(encoded, at, at + Paths.HASH, key, 0, Paths.HASH);
    }

    /** Whether the leaf in {@code slot} has value hash {@code value}. */
    boolean leafValueEquals(int slot, byte[] value) {
        int at = offset(slot) + Paths.HASH;
        return Arrays.equals(encoded, at, at + Paths.HASH, value, 0, Paths.HASH);
    }

    /** The hash of the child node in {@code slot}. */
    public byte[] childHash(int slot) {
        int at = offset(slot);
        return Arrays.copyOfRange(encoded, at, at + Paths.HASH);
    }

    boolean childHashEquals(int slot, byte[] hash) {
        int at = offset(slot);
        return Arrays.equals(encoded, at, at + Paths.HASH, hash, 0, Paths.HASH);
    }

    /** No leaf below heap position {@code p} (1..31). */
    public boolean isEmptyAt(int p) {
        return (emptyMask & (1 << p)) != 0;
    }

    /** Exactly one leaf and no child node below heap position {@code p}. */
    public boolean isSingleAt(int p) {
        return (singleMask & (1 << p)) != 0;
    }

    /** Copies the hash of heap position {@code p} into {@code out} at {@code offset}. */
    public void hashAt(int p, byte[] out, int offset) {
        System.arraycopy(hashes, (p - 1) * Paths.HASH, out, offset, Paths.HASH);
    }

    /** The one present slot under heap position {@code p} (for a position that {@link #isSingleAt}). */
    public int onlySlotUnder(int p) {
        int level = 31 - Integer.numberOfLeadingZeros(p); // p in [2^level, 2^(level+1))
        int width = SLOTS >>> level;
        int first = (p << (4 - level)) - SLOTS;
        int mask = ((1 << width) - 1) << first;
        return Integer.numberOfTrailingZeros(present & mask);
    }

    // ------------------------------------------------------------------ hashing

    private static Node hashAll(byte[] encoded, int present, int leaves, Keccak256.Hasher hasher) {
        byte[] hashes = new byte[(POSITIONS - 1) * Paths.HASH];
        int emptyMask = 0;
        int singleMask = 0;
        int offset = HEADER;
        for (int s = 0; s < SLOTS; s++) {
            int bit = 1 << s;
            int p = SLOTS + s;
            int at = (p - 1) * Paths.HASH;
            if ((present & bit) == 0) {
                emptyMask |= 1 << p;
            } else if ((leaves & bit) != 0) {
                hasher.update(LEAF_PREFIX).update(encoded, offset, LEAF_BYTES).digest(hashes, at);
                singleMask |= 1 << p;
                offset += LEAF_BYTES;
            } else {
                System.arraycopy(encoded, offset, hashes, at, CHILD_BYTES);
                offset += CHILD_BYTES;
            }
        }
        int[] masks = {emptyMask, singleMask};
        for (int p = SLOTS - 1; p >= 1; p--) {
            combine(p, hashes, masks, hasher);
        }
        return new Node(encoded, present, leaves, hashes, masks[0], masks[1]);
    }

    /** Computes heap position {@code p} from its two children; masks = {empty, single}. */
    private static void combine(int p, byte[] hashes, int[] masks, Keccak256.Hasher hasher) {
        int l = 2 * p;
        int r = l + 1;
        int empty = masks[0];
        int single = masks[1];
        boolean emptyL = (empty & (1 << l)) != 0;
        boolean emptyR = (empty & (1 << r)) != 0;
        int at = (p - 1) * Paths.HASH;
        int bit = 1 << p;
        empty &= ~bit;
        single &= ~bit;
        if (emptyL && emptyR) {
            Arrays.fill(hashes, at, at + Paths.HASH, (byte) 0);
            empty |= bit;
        } else if (emptyR && (single & (1 << l)) != 0) {
            System.arraycopy(hashes, (l - 1) * Paths.HASH, hashes, at, Paths.HASH);
            single |= bit;
        } else if (emptyL && (single & (1 << r)) != 0) {
            System.arraycopy(hashes, (r - 1) * Paths.HASH, hashes, at, Paths.HASH);
            single |= bit;
        } else {
            hasher.update(INTERNAL_PREFIX)
                    .update(hashes, (l - 1) * Paths.HASH, Paths.HASH)
                    .update(hashes, (r - 1) * Paths.HASH, Paths.HASH)
                    .digest(hashes, at);
        }
        masks[0] = empty;
        masks[1] = single;
    }

    // ------------------------------------------------------------------ building

    /** Changes to a node (or to an empty position): set slots, then {@link #build}. */
    public static final class Builder {
        private final Node base;
        private int present;
        private int leaves;
        private int changed;
        /** For changed slots: a leaf's key and value, or a child's hash in {@code a}. */
        private final byte[][] a = new byte[SLOTS][];
        private final byte[][] b = new byte[SLOTS][];

        /** Starts from {@code base}, or from no slots at all when it is null. */
        public Builder(Node base) {
            this.base = base;
            if (base != null) {
                present = base.present;
                leaves = base.leaves;
            }
        }

        public void setEmpty(int slot) {
            int bit = 1 << slot;
            present &= ~bit;
            leaves &= ~bit;
            a[slot] = null;
            b[slot] = null;
            changed |= bit;
        }

        public void setLeaf(int slot, byte[] key, byte[] value) {
            int bit = 1 << slot;
            present |= bit;
            leaves |= bit;
            a[slot] = key;
            b[slot] = value;
            changed |= bit;
        }

        public void setChild(int slot, byte[] hash) {
            int bit = 1 << slot;
            present |= bit;
            leaves &= ~bit;
            a[slot] = hash;
            b[slot] = null;
            changed |= bit;
        }

        public boolean isChanged() {
            return changed != 0;
        }

        public int slotCount() {
            return Integer.bitCount(present);
        }

        /** The only slot, when {@link #slotCount()} is 1; -1 otherwise. */
        public int onlySlot() {
            return Integer.bitCount(present) == 1 ? Integer.numberOfTrailingZeros(present) : -1;
        }

        public boolean isLeaf(int slot) {
            return (leaves & (1 << slot)) != 0;
        }

        /** The key of the leaf in {@code slot}, a changed or a kept one. */
        public byte[] leafKey(int slot) {
            return (changed & (1 << slot)) != 0 ? a[slot] : base.leafKey(slot);
        }

        public byte[] leafValue(int slot) {
            return (changed & (1 << slot)) != 0 ? b[slot] : base.leafValue(slot);
        }

        /** The new node; hashes only the slots changed and the positions above them when there is a base. */
        public Node build(Keccak256.Hasher hasher) {
            if (present == 0) {
                throw new IllegalStateException("a node needs at least one slot");
            }
            byte[] encoded = new byte[HEADER + Integer.bitCount(leaves) * LEAF_BYTES
                    + Integer.bitCount(present & ~leaves) * CHILD_BYTES];
            encoded[0] = (byte) (present >>> 8);
            encoded[1] = (byte) present;
            encoded[2] = (byte) (leaves >>> 8);
            encoded[3] = (byte) leaves;
            int offset = HEADER;
            for (int s = 0; s < SLOTS; s++) {
                int bit = 1 << s;
                if ((present & bit) == 0) {
                    continue;
                }
                boolean leaf = (leaves & bit) != 0;
                int length = leaf ? LEAF_BYTES : CHILD_BYTES;
                if ((changed & bit) == 0) {
                    System.arraycopy(base.encoded, base.offset(s), encoded, offset, length);
                } else {
                    System.arraycopy(a[s], 0, encoded, offset, Paths.HASH);
                    if (leaf) {
                        System.arraycopy(b[s], 0, encoded, offset + Paths.HASH, Paths.HASH);
                    }
                }
                offset += length;
            }
            if (base == null) {
                return hashAll(encoded, present, leaves, hasher);
            }
            byte[] hashes = base.hashes.clone();
            int[] masks = {base.emptyMask, base.singleMask};
            int dirty = 0;
            for (int s = 0; s < SLOTS; s++) {
                int bit = 1 << s;
                if ((changed & bit) == 0) {
                    continue;
                }
                int p = SLOTS + s;
                int at = (p - 1) * Paths.HASH;
                int pbit = 1 << p;
                masks[0] &= ~pbit;
                masks[1] &= ~pbit;
                if ((present & bit) == 0) {
                    Arrays.fill(hashes, at, at + Paths.HASH, (byte) 0);
                    masks[0] |= pbit;
                } else if ((leaves & bit) != 0) {
                    hasher.update(LEAF_PREFIX).update(a[s]).update(b[s]).digest(hashes, at);
                    masks[1] |= pbit;
                } else {
                    System.arraycopy(a[s], 0, hashes, at, Paths.HASH);
                }
                for (int q = p >>> 1; q >= 1; q >>>= 1) {
                    dirty |= 1 << q;
                }
            }
            for (int p = SLOTS - 1; p >= 1; p--) {
                if ((dirty & (1 << p)) != 0) {
                    combine(p, hashes, masks, hasher);
                }
            }
            return new Node(encoded, present, leaves, hashes, masks[0], masks[1]);
        }
    }
}
