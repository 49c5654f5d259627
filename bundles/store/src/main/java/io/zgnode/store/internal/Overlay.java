package io.zgnode.store.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The copy-on-write record of one snapshot: for every key changed since the snapshot was taken,
 * the value it had then ({@link Bytes#NONE} when it was absent). Written only by commits under
 * the store's write lock, read only under its read lock; that lock makes the plain maps safe.
 */
final class Overlay {

    final long sequence;
    private final Map<String, NavigableMap<byte[], byte[]>> byNamespace = new HashMap<>();

    Overlay(long sequence) {
        this.sequence = sequence;
    }

    /** Keeps {@code previous} as the key's snapshot value unless one is recorded already. */
    void record(String namespace, byte[] key, byte[] previous) {
        byNamespace.computeIfAbsent(namespace, n -> new TreeMap<>(Bytes.ORDER))
                .putIfAbsent(key, previous == null ? Bytes.NONE : previous);
    }

    /** The recorded value, {@link Bytes#NONE} for "absent then", or {@code null} if not recorded. */
    byte[] get(String namespace, byte[] key) {
        NavigableMap<byte[], byte[]> recorded = byNamespace.get(namespace);
        return recorded == null ? null : recorded.get(key);
    }

    /** The recorded entries of a namespace, or {@code null}. */
    NavigableMap<byte[], byte[]> namespace(String namespace) {
        return byNamespace.get(namespace);
    }
}
