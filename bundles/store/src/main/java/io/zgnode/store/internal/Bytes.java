package io.zgnode.store.internal;

import java.util.Comparator;
import java.util.regex.Pattern;

import io.zgnode.api.store.Keys;

/** Argument checks, limits and markers shared by the store classes. */
final class Bytes {

    /** Largest key accepted: keys live inside B-tree nodes, so they are kept small. */
    static final int MAX_KEY_SIZE = 4 * 1024;

    /** Largest value accepted. */
    static final int MAX_VALUE_SIZE = 64 * 1024 * 1024;

    /**
     * Namespace names: 1 to 128 of {@code A-Z a-z 0-9 . _ : / -}. MapDB keeps its own settings
     * under {@code name#setting} in the same catalog, so {@code #} and other characters stay out.
     */
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");

    /**
     * Marks "no value" in an overlay: a pending delete in a batch, or "absent at the snapshot's
     * sequence" in a snapshot overlay. Compared by identity, never stored in MapDB.
     */
    static final byte[] NONE = new byte[0];

    /** Unsigned lexicographic order, shorter first on a tie: the store's key order. */
    static final Comparator<byte[]> ORDER = Keys::compare;

    private Bytes() {
    }

    static String namespace(String namespace) {
        if (namespace == null) {
            throw new IllegalArgumentException("namespace must not be null");
        }
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("invalid namespace '" + namespace
                    + "': use 1 to 128 of the characters A-Z a-z 0-9 . _ : / -");
        }
        return namespace;
    }

    static byte[] key(byte[] key) {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
        if (key.length > MAX_KEY_SIZE) {
            throw new IllegalArgumentException("key of " + key.length + " bytes exceeds the limit of "
                    + MAX_KEY_SIZE + " bytes");
        }
        return key;
    }

    static byte[] value(byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("value must not be null (use delete to remove a key)");
        }
        if (value.length > MAX_VALUE_SIZE) {
            throw new IllegalArgumentException("value of " + value.length + " bytes exceeds the limit of "
                    + MAX_VALUE_SIZE + " bytes");
        }
        return value;
    }

    /** A scan bound, copied: {@code null} means open. */
    static byte[] bound(byte[] bound) {
        return bound == null ? null : bound.clone();
    }

    static int compare(byte[] a, byte[] b, boolean descending) {
        int c = Keys.compare(a, b);
        return descending ? -c : c;
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }
}
