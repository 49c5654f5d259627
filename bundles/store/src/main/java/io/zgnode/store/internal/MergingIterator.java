package io.zgnode.store.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

import io.zgnode.api.store.KeyValue;

/**
 * Merges a sorted base (committed entries) with a sorted overlay (a batch's pending writes, or
 * a snapshot's recorded old values), both in the same scan direction. On equal keys the overlay
 * wins; an overlay value of {@link Bytes#NONE} hides the key. Overlay values are copied on the
 * way out, so the caller owns every array it receives.
 */
final class MergingIterator implements Iterator<KeyValue> {

    private final Iterator<KeyValue> base;
    private final Iterator<? extends Map.Entry<byte[], byte[]>> overlay;
    private final boolean descending;

    private KeyValue nextBase;
    private Map.Entry<byte[], byte[]> nextOverlay;
    private KeyValue next;

    MergingIterator(Iterator<KeyValue> base, Iterator<? extends Map.Entry<byte[], byte[]>> overlay,
            boolean descending) {
        this.base = base;
        this.overlay = overlay;
        this.descending = descending;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (nextBase == null && base.hasNext()) {
                nextBase = base.next();
            }
            if (nextOverlay == null && overlay.hasNext()) {
                nextOverlay = overlay.next();
            }
            if (nextBase == null && nextOverlay == null) {
                return false;
            }
            int c;
            if (nextBase == null) {
                c = 1;
            } else if (nextOverlay == null) {
                c = -1;
            } else {
                c = Bytes.compare(nextBase.key(), nextOverlay.getKey(), descending);
            }
            if (c < 0) {
                next = nextBase;
                nextBase = null;
            } else {
                if (c == 0) {
                    nextBase = null; // shadowed by the overlay
                }
                byte[] value = nextOverlay.getValue();
                if (value != Bytes.NONE) {
                    next = new KeyValue(nextOverlay.getKey().clone(), value.clone());
                }
                nextOverlay = null;
            }
        }
        return true;
    }

    @Override
    public KeyValue next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        KeyValue result = next;
        next = null;
        return result;
    }
}
