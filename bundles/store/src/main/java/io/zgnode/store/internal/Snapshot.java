package io.zgnode.store.internal;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import io.zgnode.api.store.KeyValue;
import io.zgnode.api.store.StoreSnapshot;

/**
 * A read-only view of the store at one commit sequence: reads go to the {@link Overlay} first
 * (values changed since), then to the live maps, both under the store's read lock.
 * <p>
 * Thread-safe. A scan reads page by page; each page covers a key interval in which overlay and
 * live map are read under the same read lock, and the intervals follow each other, so the whole
 * scan shows the snapshot's state even while commits go on. The scan's iterator keeps the
 * snapshot reachable; reading after {@link #close()} throws {@link IllegalStateException}.
 */
final class Snapshot implements StoreSnapshot {

    private final MapDbStore store;
    private final Overlay overlay;
    private volatile boolean closed;

    Snapshot(MapDbStore store, Overlay overlay) {
        this.store = store;
        this.overlay = overlay;
    }

    @Override
    public long sequence() {
        return overlay.sequence;
    }

    @Override
    public byte[] get(String namespace, byte[] key) {
        Bytes.namespace(namespace);
        Bytes.key(key);
        return store.read(() -> {
            checkOpen();
            byte[] recorded = overlay.get(namespace, key);
            if (recorded != null) {
                return recorded == Bytes.NONE ? null : recorded.clone();
            }
            return store.liveGet(namespace, key);
        });
    }

    @Override
    public Iterator<KeyValue> scan(String namespace, byte[] from, byte[] to, boolean descending) {
        Bytes.namespace(namespace);
        KeyRange range = KeyRange.of(Bytes.bound(from), Bytes.bound(to));
        checkOpen();
        // the lambda holds this snapshot, so it is not collected while a scan is in use
        return new PagedIterator((rest, desc) -> page(namespace, rest, desc), range, descending);
    }

    private PagedIterator.Page page(String namespace, KeyRange range, boolean descending) {
        return store.read(() -> {
            checkOpen();
            int limit = store.pageSize();
            List<KeyValue> live = store.livePage(namespace, range, descending, limit);
            List<Map.Entry<byte[], byte[]>> recorded = recordedPage(namespace, range, descending, limit);
            // the interval this page covers ends where the shorter of the two full lists ends
            byte[] boundary = null;
            if (live.size() == limit) {
                boundary = live.get(limit - 1).key();
            }
            if (recorded.size() == limit) {
                byte[] last = recorded.get(limit - 1).getKey();
                if (boundary == null || Bytes.compare(last, boundary, descending) < 0) {
                    boundary = last;
                }
            }
            if (boundary != null) {
                trim(live, boundary, descending);
                trimEntries(recorded, boundary, descending);
            }
            List<KeyValue> merged = new ArrayList<>(live.size() + recorded.size());
            new MergingIterator(live.iterator(), recorded.iterator(), descending).forEachRemaining(merged::add);
            return new PagedIterator.Page(merged, boundary == null ? null : range.after(boundary, descending));
        });
    }

    private List<Map.Entry<byte[], byte[]>> recordedPage(String namespace, KeyRange range, boolean descending,
            int limit) {
        NavigableMap<byte[], byte[]> recorded = overlay.namespace(namespace);
        if (recorded == null || range.isEmpty()) {
            return Collections.emptyList();
        }
        List<Map.Entry<byte[], byte[]>> entries = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> e : range.view(recorded, descending).entrySet()) {
            entries.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue()));
            if (entries.size() == limit) {
                break;
            }
        }
        return entries;
    }

    private static void trim(List<KeyValue> entries, byte[] boundary, boolean descending) {
        while (!entries.isEmpty()
                && Bytes.compare(entries.get(entries.size() - 1).key(), boundary, descending) > 0) {
            entries.remove(entries.size() - 1);
        }
    }

    private static void trimEntries(List<Map.Entry<byte[], byte[]>> entries, byte[] boundary,
            boolean descending) {
        while (!entries.isEmpty()
                && Bytes.compare(entries.get(entries.size() - 1).getKey(), boundary, descending) > 0) {
            entries.remove(entries.size() - 1);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("snapshot is closed");
        }
    }

    /** Drops the overlay; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            store.release(overlay);
        }
    }
}
