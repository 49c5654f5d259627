package io.zgnode.plugin.example;

import io.zgnode.api.store.Keys;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.api.store.WriteBatch;

/**
 * A counter kept in the node's store, not in a field, so it survives restarts and live updates
 * of this plugin and of the store itself.
 */
final class Counter {

    static final String NAMESPACE = "example";
    private static final byte[] KEY = "count".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Counter() {
    }

    static long current(KeyValueStore store) {
        byte[] value = store.get(NAMESPACE, KEY);
        return value == null ? 0 : Keys.toLong(value, 0);
    }

    /** Adds one and returns the new value; callers serialize increments. */
    static long increment(KeyValueStore store) {
        long next = current(store) + 1;
        try (WriteBatch batch = store.newBatch()) {
            batch.put(NAMESPACE, KEY, Keys.ofLong(next));
            batch.commit();
        }
        return next;
    }
}
