package io.zgnode.statetree.internal;

import java.util.HexFormat;

/**
 * Bits, nibbles and node positions of 32-byte key hashes. A node position is a nibble path:
 * the first {@code depth} nibbles (4 bits each, most significant first) of any key hash below it.
 */
public final class Paths {

    /** Length of key hashes, value hashes and node hashes. */
    public static final int HASH = 32;
    /** Nibbles in a key hash: node depths run from 0 (the root) to 63. */
    public static final int NIBBLES = 2 * HASH;
    /** Bits in a key hash: the deepest binary position (a leaf below a node of depth 63). */
    public static final int BITS = 8 * HASH;

    private static final HexFormat HEX = HexFormat.of();

    private Paths() {
    }

    /** Nibble {@code index} (0 = the high half of byte 0) of {@code key}. */
    public static int nibble(byte[] key, int index) {
        int b = key[index >>> 1];
        return (index & 1) == 0 ? (b >>> 4) & 0xf : b & 0xf;
    }

    /** Bit {@code index} (0 = the most significant bit of byte 0) of {@code key}. */
    public static int bit(byte[] key, int index) {
        return (key[index >>> 3] >>> (7 - (index & 7))) & 1;
    }

    /**
     * The store key of the node at the first {@code depth} nibbles of {@code key}: those nibbles
     * packed two to a byte (an odd last nibble in the high half, the low half zero), then one
     * byte {@code depth}. Keys sort in pre-order (a node before its children, children in nibble
     * order), so a pass over sorted key hashes reads and writes the store in key order.
     */
    public static byte[] storeKey(byte[] key, int depth) {
        int packed = (depth + 1) >>> 1;
        byte[] out = new byte[packed + 1];
        System.arraycopy(key, 0, out, 0, packed);
        if ((depth & 1) != 0) {
            out[packed - 1] &= (byte) 0xf0;
        }
        out[packed] = (byte) depth;
        return out;
    }

    /** The store key of the root node. */
    public static byte[] rootKey() {
        return new byte[] {0};
    }

    /** The nibble path of a node, for messages: e.g. {@code "3a0"}, or {@code "(root)"}. */
    public static String describe(byte[] key, int depth) {
        if (depth == 0) {
            return "(root)";
        }
        StringBuilder out = new StringBuilder(depth);
        for (int i = 0; i < depth; i++) {
            out.append(Character.forDigit(nibble(key, i), 16));
        }
        return out.toString();
    }

    public static String hex(byte[] bytes) {
        return "0x" + HEX.formatHex(bytes);
    }
}
