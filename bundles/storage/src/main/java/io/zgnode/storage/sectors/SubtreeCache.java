package io.zgnode.storage.sectors;

import java.util.LinkedHashMap;
import java.util.Map;

import io.zgnode.api.chain.Hash;

/**
 * Roots of flow subtrees that lie wholly within the filled part of the flow. Such a subtree never
 * changes again (later entries start after the flow's end), so its root holds for every later
 * version of the flow, and proofs of sectors to its right reuse it instead of hashing the entries
 * and gaps under it again. Least recently used ones go first; safe for several threads.
 */
final class SubtreeCache {

    /** About 100 bytes each: a few MB at most. */
    static final int DEFAULT_CAPACITY = 1 << 15;

    private record Key(int height, long index) {
    }

    private final Map<Key, Hash> roots;

    SubtreeCache(int capacity) {
        this.roots = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Hash> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Hash get(int height, long index) {
        return roots.get(new Key(height, index));
    }

    synchronized void put(int height, long index, Hash root) {
        roots.put(new Key(height, index), root);
    }
}
