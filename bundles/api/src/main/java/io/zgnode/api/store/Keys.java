package io.zgnode.api.store;

import java.util.Arrays;

/** Helpers for building ordered keys. */
public final class Keys {

    private Keys() {
    }

    /** Compares as the store orders keys: unsigned, lexicographic, shorter first on a tie. */
    public static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    /**
     * The smallest key greater than every key starting with {@code prefix}, or {@code null}
     * (open end) when the prefix is empty or all 0xff bytes.
     */
    public static byte[] prefixEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xff) {
                byte[] end = Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        return null;
    }

    /** A big-endian 8-byte key for {@code value}, so that non-negative longs sort numerically. */
    public static byte[] ofLong(long value) {
        byte[] key = new byte[8];
        for (int i = 7; i >= 0; i--) {
            key[i] = (byte) value;
            value >>>= 8;
        }
        return key;
    }

    /** The inverse of {@link #ofLong(long)}, reading 8 bytes at {@code offset}. */
    public static long toLong(byte[] key, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (key[offset + i] & 0xff);
        }
        return value;
    }

    /** The concatenation of the given parts. */
    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] key = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, key, at, part.length);
            at += part.length;
        }
        return key;
    }
}
