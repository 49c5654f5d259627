package io.zgnode.statetree.internal;

import java.util.Arrays;

import io.zgnode.api.store.WriteBatch;

/**
 * One batch update: applies sorted changes to the tree in one pass from the root, writing every
 * node whose content changes into the batch and deleting every node that disappears.
 *
 * <p>The pass visits each node on the path of at least one changed key once, whatever the
 * number of changed keys below it: it first brings each changed slot up to date (recursing into
 * child nodes), then builds the node once, re-hashing only the changed slots and the binary
 * positions above them. A subtree left with one leaf becomes that leaf in its parent's slot, a
 * subtree left with none becomes an empty slot, and the nodes that held them are deleted; so
 * the stored nodes depend only on the set of key/value pairs, never on the order of changes.
 */
public final class Updater extends NodeReader {

    private static final byte[] ZERO = new byte[Paths.HASH];

    /** What became of a slot. */
    private static final class Slot {
        static final Slot UNCHANGED = new Slot(null, null, false);
        static final Slot EMPTY = new Slot(null, null, false);

        final byte[] a; // leaf key or child hash
        final byte[] b; // leaf value, null for a child
        final boolean leaf;

        Slot(byte[] a, byte[] b, boolean leaf) {
            this.a = a;
            this.b = b;
            this.leaf = leaf;
        }

        static Slot leaf(byte[] key, byte[] value) {
            return new Slot(key, value, true);
        }

        static Slot child(byte[] hash) {
            return new Slot(hash, null, false);
        }
    }

    private final WriteBatch batch;
    private final byte[][] keys;
    private final byte[][] values;
    private int written;
    private int deleted;

    /**
     * @param keys   key hashes in strictly increasing unsigned order
     * @param values their value hashes, null to delete
     */
    public Updater(WriteBatch batch, String namespace, NodeCache cache, byte[][] keys, byte[][] values) {
        super(batch, namespace, cache);
        this.batch = batch;
        this.keys = keys;
        this.values = values;
    }

    /** Applies the changes; returns the new root hash, 32 zero bytes for an empty tree. */
    public byte[] run() {
        Node root = root();
        if (keys.length == 0) {
            return root == null ? ZERO.clone() : root.hash();
        }
        Slot result = updateNode(root, 0, 0, keys.length, true);
        if (result == Slot.UNCHANGED) {
            return root == null ? ZERO.clone() : root.hash();
        }
        return result == Slot.EMPTY ? ZERO.clone() : result.a.clone();
    }

    public int nodesWritten() {
        return written;
    }

    public int nodesDeleted() {
        return deleted;
    }

    /**
     * Applies changes {@code [lo, hi)} (all under this node) to {@code node} at {@code depth}.
     * {@code node} is null only for the root of an empty tree; the root is kept as a node even
     * when it holds a single leaf.
     */
    private Slot updateNode(Node node, int depth, int lo, int hi, boolean isRoot) {
        Node.Builder builder = new Node.Builder(node);
        int i = lo;
        while (i < hi) {
            int nibble = Paths.nibble(keys[i], depth);
            int j = i + 1;
            while (j < hi && Paths.nibble(keys[j], depth) == nibble) {
                j++;
            }
            Slot result;
            if (node != null && node.isChild(nibble)) {
                Node child = load(keys[i], depth + 1, node.childHash(nibble));
                result = updateNode(child, depth + 1, i, j, false);
            } else if (node != null && node.isLeaf(nibble)) {
                result = updateLeaf(node.leafKey(nibble), node.leafValue(nibble), depth + 1, i, j);
            } else {
                result = updateLeaf(null, null, depth + 1, i, j);
            }
            if (result == Slot.EMPTY) {
                builder.setEmpty(nibble);
            } else if (result != Slot.UNCHANGED) {
                if (result.leaf) {
                    builder.setLeaf(nibble, result.a, result.b);
                } else {
                    builder.setChild(nibble, result.a);
                }
            }
            i = j;
        }
        if (!builder.isChanged()) {
            return Slot.UNCHANGED;
        }
        byte[] path = keys[lo];
        int count = builder.slotCount();
        if (count == 0) {
            delete(path, depth);
            return Slot.EMPTY;
        }
        if (count == 1 && !isRoot) {
            int only = builder.onlySlot();
            if (builder.isLeaf(only)) {
                delete(path, depth);
                return Slot.leaf(builder.leafKey(only), builder.leafValue(only));
            }
        }
        Node updated = builder.build(hasher);
        write(path, depth, updated);
        return Slot.child(updated.hash());
    }

    /**
     * Applies changes {@code [lo, hi)} to a slot at {@code depth} that holds the leaf
     * {@code oldKey}/{@code oldValue}, or nothing when {@code oldKey} is null.
     */
    private Slot updateLeaf(byte[] oldKey, byte[] oldValue, int depth, int lo, int hi) {
        if (hi - lo == 1) {
            byte[] key = keys[lo];
            byte[] value = values[lo];
            if (oldKey == null) {
                return value == null ? Slot.UNCHANGED : Slot.leaf(key, value);
            }
            if (Arrays.equals(key, oldKey)) {
                if (value == null) {
                    return Slot.EMPTY;
                }
                return Arrays.equals(value, oldValue) ? Slot.UNCHANGED : Slot.leaf(key, value);
            }
            if (value == null) {
                return Slot.UNCHANGED; // deleting a key that is not there
            }
            boolean oldFirst = Arrays.compareUnsigned(oldKey, key) < 0;
            byte[][] ks = oldFirst ? new byte[][] {oldKey, key} : new byte[][] {key, oldKey};
            byte[][] vs = oldFirst ? new byte[][] {oldValue, value} : new byte[][] {value, oldValue};
            return Slot.child(build(ks, vs, 0, 2, depth));
        }
        // the leaves after the changes, in key order
        byte[][] ks = new byte[hi - lo + 1][];
        byte[][] vs = new byte[hi - lo + 1][];
        int n = 0;
        boolean oldPending = oldKey != null;
        boolean oldKept = false;
        for (int i = lo; i < hi; i++) {
            if (oldPending) {
                int c = Arrays.compareUnsigned(oldKey, keys[i]);
                if (c < 0) {
                    ks[n] = oldKey;
                    vs[n++] = oldValue;
                    oldPending = false;
                    oldKept = true;
                } else if (c == 0) {
                    oldPending = false; // replaced or deleted by this change
                }
            }
            if (values[i] != null) {
                ks[n] = keys[i];
                vs[n++] = values[i];
            }
        }
        if (oldPending) {
            ks[n] = oldKey;
            vs[n++] = oldValue;
            oldKept = true;
        }
        if (n == 0) {
            return oldKey == null ? Slot.UNCHANGED : Slot.EMPTY;
        }
        if (n == 1) {
            if (oldKept || (oldKey != null && Arrays.equals(ks[0], oldKey) && Arrays.equals(vs[0], oldValue))) {
                return Slot.UNCHANGED;
            }
            return Slot.leaf(ks[0], vs[0]);
        }
        return Slot.child(build(ks, vs, 0, n, depth));
    }

    /** Writes a new subtree of the leaves {@code [lo, hi)} (two or more) at {@code depth}; returns its hash. */
    private byte[] build(byte[][] ks, byte[][] vs, int lo, int hi, int depth) {
        Node.Builder builder = new Node.Builder(null);
        int i = lo;
        while (i < hi) {
            int nibble = Paths.nibble(ks[i], depth);
            int j = i + 1;
            while (j < hi && Paths.nibble(ks[j], depth) == nibble) {
                j++;
            }
            if (j - i == 1) {
                builder.setLeaf(nibble, ks[i], vs[i]);
            } else {
                builder.setChild(nibble, build(ks, vs, i, j, depth + 1));
            }
            i = j;
        }
        Node node = builder.build(hasher);
        write(ks[lo], depth, node);
        return node.hash();
    }

    private void write(byte[] path, int depth, Node node) {
        batch.put(namespace, Paths.storeKey(path, depth), node.encoded());
        cache.put(path, depth, node);
        written++;
    }

    private void delete(byte[] path, int depth) {
        batch.delete(namespace, Paths.storeKey(path, depth));
        cache.remove(path, depth);
        deleted++;
    }
}
