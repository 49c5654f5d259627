package io.zgnode.statetree.internal;

import io.zgnode.api.store.StoreReader;
import io.zgnode.crypto.Keccak256;

/**
 * Loads nodes of one tree through one reader, via the cache. One instance per operation, owned
 * by one thread (it holds a hasher).
 */
public class NodeReader {

    /** Any key is a path of the root: it has no nibbles. */
    static final byte[] ROOT_PATH = new byte[Paths.HASH];

    protected final StoreReader reader;
    protected final String namespace;
    protected final NodeCache cache;
    protected final Keccak256.Hasher hasher = new Keccak256.Hasher();

    public NodeReader(StoreReader reader, String namespace, NodeCache cache) {
        this.reader = reader;
        this.namespace = namespace;
        this.cache = cache;
    }

    /** The root node, or null for an empty tree. */
    public Node root() {
        byte[] encoded = reader.get(namespace, Paths.rootKey());
        if (encoded == null) {
            return null;
        }
        Node node = cache.root(encoded);
        if (node == null) {
            // any key does as the path of the root: it has no nibbles to check
            node = Node.decode(encoded, 0, ROOT_PATH, hasher);
            cache.put(ROOT_PATH, 0, node);
        }
        return node;
    }

    /**
     * The node at the first {@code depth} nibbles of {@code pathKey}, which its parent says has
     * hash {@code expectedHash}.
     *
     * @throws IllegalStateException if the store has no such node, or another one
     */
    public Node load(byte[] pathKey, int depth, byte[] expectedHash) {
        Node node = cache.get(pathKey, depth, expectedHash);
        if (node != null) {
            return node;
        }
        byte[] encoded = reader.get(namespace, Paths.storeKey(pathKey, depth));
        if (encoded == null) {
            throw new IllegalStateException("state tree node at " + Paths.describe(pathKey, depth)
                    + " is missing from namespace '" + namespace + "' (its parent names hash "
                    + Paths.hex(expectedHash) + "): the store is damaged, or was read without a snapshot"
                    + " while a block was committed");
        }
        node = Node.decode(encoded, depth, pathKey, hasher);
        if (!node.hashEquals(expectedHash)) {
            throw new IllegalStateException("state tree node at " + Paths.describe(pathKey, depth)
                    + " has hash " + Paths.hex(node.hash()) + " but its parent names " + Paths.hex(expectedHash)
                    + ": the store is damaged, or was read without a snapshot while a block was committed");
        }
        cache.put(pathKey, depth, node);
        return node;
    }
}
