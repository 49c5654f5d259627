package io.zgnode.store.internal;

import java.util.NavigableMap;

/**
 * An immutable key interval with optional ends, used to page through ordered maps. A scan
 * {@code [from, to)} starts as {@link #of(byte[], byte[])}; after each page the part already
 * read is cut off with {@link #after(byte[], boolean)}.
 */
final class KeyRange {

    private final byte[] lo;
    private final boolean loInclusive;
    private final byte[] hi;
    private final boolean hiInclusive;

    private KeyRange(byte[] lo, boolean loInclusive, byte[] hi, boolean hiInclusive) {
        this.lo = lo;
        this.loInclusive = loInclusive;
        this.hi = hi;
        this.hiInclusive = hiInclusive;
    }

    /** {@code from <= key < to}; a {@code null} end is open. The arrays must not change later. */
    static KeyRange of(byte[] from, byte[] to) {
        return new KeyRange(from, true, to, false);
    }

    /** The part of this range that lies beyond {@code key} in the scan direction. */
    KeyRange after(byte[] key, boolean descending) {
        return descending ? new KeyRange(lo, loInclusive, key, false) : new KeyRange(key, false, hi, hiInclusive);
    }

    boolean isEmpty() {
        if (lo == null || hi == null) {
            return false;
        }
        int c = Bytes.ORDER.compare(lo, hi);
        return c > 0 || (c == 0 && !(loInclusive && hiInclusive));
    }

    boolean contains(byte[] key) {
        if (lo != null) {
            int c = Bytes.ORDER.compare(key, lo);
            if (c < 0 || (c == 0 && !loInclusive)) {
                return false;
            }
        }
        if (hi != null) {
            int c = Bytes.ORDER.compare(key, hi);
            if (c > 0 || (c == 0 && !hiInclusive)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The view of {@code map} restricted to this range, ordered in the scan direction. The range
     * must not be {@link #isEmpty() empty} (sub-map views reject inverted bounds).
     */
    <V> NavigableMap<byte[], V> view(NavigableMap<byte[], V> map, boolean descending) {
        NavigableMap<byte[], V> view;
        if (lo != null && hi != null) {
            view = map.subMap(lo, loInclusive, hi, hiInclusive);
        } else if (lo != null) {
            view = map.tailMap(lo, loInclusive);
        } else if (hi != null) {
            view = map.headMap(hi, hiInclusive);
        } else {
            view = map;
        }
        return descending ? view.descendingMap() : view;
    }
}
