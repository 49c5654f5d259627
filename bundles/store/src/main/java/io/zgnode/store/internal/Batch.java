package io.zgnode.store.internal;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

import io.zgnode.api.store.KeyValue;
import io.zgnode.api.store.WriteBatch;

/**
 * Pending writes, kept in memory in key order per namespace until {@link #commit()} hands them
 * to the store as one transaction.
 * <p>
 * Reads see the pending writes over the store's latest committed state (point reads and scans,
 * deletes hiding keys). Because commits are serialized and a block's batch is the only writer of
 * its namespaces, that is the state the batch was opened on; a batch that must read one fixed
 * state while other writers commit to the same namespaces should read through a snapshot.
 * <p>
 * Not thread-safe: one thread at a time, as {@link WriteBatch} says. Keys and values are copied
 * when put, so callers may reuse their arrays; values read back are copies too. The pending maps
 * are concurrent skip lists so that a scan of the batch stays valid (weakly consistent) when
 * the same thread writes to the batch while iterating.
 * <p>
 * A batch commits once: after {@link #commit()} (successful or not) or {@link #close()}, every
 * call but {@link #size()} and {@link #close()} throws {@link IllegalStateException}.
 */
final class Batch implements WriteBatch {

    private enum State { OPEN, COMMITTED, CLOSED }

    private final MapDbStore store;
    /** Namespace to key to value, {@link Bytes#NONE} marking a delete. */
    private final Map<String, ConcurrentSkipListMap<byte[], byte[]>> pending = new LinkedHashMap<>();
    private int size;
    private State state = State.OPEN;

    Batch(MapDbStore store) {
        this.store = store;
    }

    @Override
    public WriteBatch put(String namespace, byte[] key, byte[] value) {
        Bytes.namespace(namespace);
        Bytes.key(key);
        Bytes.value(value);
        checkOpen();
        record(namespace, key.clone(), value.clone());
        return this;
    }

    @Override
    public WriteBatch delete(String namespace, byte[] key) {
        Bytes.namespace(namespace);
        Bytes.key(key);
        checkOpen();
        record(namespace, key.clone(), Bytes.NONE);
        return this;
    }

    private void record(String namespace, byte[] key, byte[] value) {
        if (pending.computeIfAbsent(namespace, n -> new ConcurrentSkipListMap<>(Bytes.ORDER)).put(key, value) == null) {
            size++;
        }
    }

    /** Number of distinct keys written (a key put twice counts once). */
    @Override
    public int size() {
        return size;
    }

    @Override
    public byte[] get(String namespace, byte[] key) {
        Bytes.namespace(namespace);
        Bytes.key(key);
        checkOpen();
        NavigableMap<byte[], byte[]> writes = pending.get(namespace);
        byte[] value = writes == null ? null : writes.get(key);
        if (value != null) {
            return value == Bytes.NONE ? null : value.clone();
        }
        return store.get(namespace, key);
    }

    @Override
    public Iterator<KeyValue> scan(String namespace, byte[] from, byte[] to, boolean descending) {
        Bytes.namespace(namespace);
        checkOpen();
        byte[] lo = Bytes.bound(from);
        byte[] hi = Bytes.bound(to);
        Iterator<KeyValue> committed = store.scan(namespace, lo, hi, descending);
        KeyRange range = KeyRange.of(lo, hi);
        NavigableMap<byte[], byte[]> writes = pending.get(namespace);
        if (writes == null || range.isEmpty()) {
            return committed;
        }
        return new MergingIterator(committed, range.view(writes, descending).entrySet().iterator(), descending);
    }

    /**
     * Applies every pending write in one transaction. An empty batch commits without touching
     * the store file and without a new sequence number.
     */
    @Override
    public void commit() {
        checkOpen();
        state = State.COMMITTED;
        if (size == 0) {
            store.checkOpen();
            return;
        }
        try {
            store.commit(Collections.unmodifiableMap(pending));
        } finally {
            pending.clear();
        }
    }

    @Override
    public void close() {
        if (state == State.OPEN) {
            state = State.CLOSED;
        }
        pending.clear();
    }

    private void checkOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException(state == State.COMMITTED
                    ? "batch was already committed: a batch commits once, open a new one"
                    : "batch is closed");
        }
    }
}
