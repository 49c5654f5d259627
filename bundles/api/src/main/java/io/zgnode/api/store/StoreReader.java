package io.zgnode.api.store;

import java.util.Iterator;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to the store: the latest committed state, a snapshot, or a batch with its own
 * pending writes applied on top.
 */
@ProviderType
public interface StoreReader {

    /** The value stored under {@code key} in {@code namespace}, or {@code null} when absent. */
    byte[] get(String namespace, byte[] key);

    default boolean contains(String namespace, byte[] key) {
        return get(namespace, key) != null;
    }

    /**
     * The entries of {@code namespace} with {@code from <= key < to}, in ascending unsigned
     * byte order, or descending when {@code descending} is set. A {@code null} bound is open.
     * The iterator reads lazily and sees the same state as this reader.
     */
    Iterator<KeyValue> scan(String namespace, byte[] from, byte[] to, boolean descending);

    /** Ascending scan over all keys that start with {@code prefix}. */
    default Iterator<KeyValue> scanPrefix(String namespace, byte[] prefix) {
        return scan(namespace, prefix, Keys.prefixEnd(prefix), false);
    }
}
