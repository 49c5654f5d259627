package io.zgnode.statetree.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Decoded nodes by position, so that the hot upper levels are neither read from the store nor
 * re-hashed on every block.
 *
 * <h2>Why a stale or uncommitted entry is never served</h2>
 * An entry is a hint, never trusted by itself: a node below the root is returned only when its
 * hash equals the hash its parent names, and the parent was read through the caller's reader
 * (batch, snapshot or store). Two nodes with the same hash have the same content (Keccak-256 is
 * collision resistant), so whatever put the entry (a committed block, a batch later discarded,
 * a reader of an older state) the content returned is exactly the content stored under the
 * parent the caller read. The root has no parent: it is read from the caller's reader on every
 * operation and the cached root is used only when its stored bytes are equal. Entries of a
 * discarded batch therefore cost only a miss; they are replaced as the positions are read again.
 *
 * <h2>Memory</h2>
 * At most {@code capacity} nodes: the upper levels (every position down to the deepest level
 * that fits into half the capacity: 4,369 positions, levels 0 to 3, for the default) in a fixed
 * table, and the deeper nodes most recently used in an LRU map with the rest. A decoded node
 * takes at most about 2.1 KiB (its stored bytes, up to 1,028, and the 992 bytes of its binary
 * sub-position hashes).
 *
 * <h2>Threads</h2>
 * Safe for any number of threads: the table is an atomic array, the LRU map is guarded by its
 * own lock, and nodes are immutable.
 */
public final class NodeCache {

    /** Positions above level d: (16^d - 1) / 15. */
    private static final int[] FIRST_INDEX = {0, 1, 17, 273, 4369, 69905};

    private final int tableLevels; // levels 0 .. tableLevels-1 in the table
    private final AtomicReferenceArray<Node> table;
    private final int lruCapacity;
    private final Map<PathKey, Node> lru;

    public NodeCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must not be negative: " + capacity);
        }
        int levels = 0;
        while (levels + 1 < FIRST_INDEX.length && FIRST_INDEX[levels + 1] <= capacity / 2) {
            levels++;
        }
        this.tableLevels = levels;
        this.table = new AtomicReferenceArray<>(FIRST_INDEX[levels]);
        this.lruCapacity = capacity - FIRST_INDEX[levels];
        this.lru = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<PathKey, Node> eldest) {
                return size() > lruCapacity;
            }
        };
    }

    /** The cached root, if its stored bytes are {@code encoded}. */
    public Node root(byte[] encoded) {
        if (tableLevels == 0) {
            return null;
        }
        Node node = table.get(0);
        return node != null && Arrays.equals(node.encoded(), encoded) ? node : null;
    }

    /** The cached node at the position, if its hash is {@code expectedHash}. */
    public Node get(byte[] pathKey, int depth, byte[] expectedHash) {
        Node node;
        if (depth < tableLevels) {
            node = table.get(index(pathKey, depth));
        } else if (lruCapacity > 0) {
            PathKey key = new PathKey(pathKey, depth);
            synchronized (lru) {
                node = lru.get(key);
            }
        } else {
            node = null;
        }
        return node != null && node.hashEquals(expectedHash) ? node : null;
    }

    public void put(byte[] pathKey, int depth, Node node) {
        if (depth < tableLevels) {
            table.set(index(pathKey, depth), node);
        } else if (lruCapacity > 0) {
            PathKey key = new PathKey(pathKey, depth);
            synchronized (lru) {
                lru.put(key, node);
            }
        }
    }

    public void remove(byte[] pathKey, int depth) {
        if (depth < tableLevels) {
            table.set(index(pathKey, depth), null);
        } else if (lruCapacity > 0) {
            PathKey key = new PathKey(pathKey, depth);
            synchronized (lru) {
                lru.remove(key);
            }
        }
    }

    /** Drops every entry. */
    public void clear() {
        for (int i = 0; i < table.length(); i++) {
            table.set(i, null);
        }
        synchronized (lru) {
            lru.clear();
        }
    }

    /** Nodes held now. */
    public int size() {
        int n = 0;
        for (int i = 0; i < table.length(); i++) {
            if (table.get(i) != null) {
                n++;
            }
        }
        synchronized (lru) {
            return n + lru.size();
        }
    }

    private static int index(byte[] pathKey, int depth) {
        int value = 0;
        for (int i = 0; i < depth; i++) {
            value = (value << 4) | Paths.nibble(pathKey, i);
        }
        return FIRST_INDEX[depth] + value;
    }

    /** A position as a map key: the store key bytes. */
    private static final class PathKey {
        private final byte[] bytes;
        private final int hash;

        PathKey(byte[] pathKey, int depth) {
            this.bytes = Paths.storeKey(pathKey, depth);
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PathKey key && Arrays.equals(bytes, key.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
