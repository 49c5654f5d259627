package io.zgnode.statetree;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.store.StoreReader;
import io.zgnode.api.store.WriteBatch;
import io.zgnode.crypto.Keccak256;
import io.zgnode.statetree.internal.Node;
import io.zgnode.statetree.internal.NodeCache;
import io.zgnode.statetree.internal.NodeReader;
import io.zgnode.statetree.internal.Paths;
import io.zgnode.statetree.internal.Updater;

/**
 * The chain's authenticated state: a compressed binary sparse Merkle tree from 32-byte key
 * hashes to 32-byte value hashes, kept in one namespace of the store (format and hashing in
 * the {@linkplain io.zgnode.statetree package documentation}).
 *
 * <p>The tree keeps no state of its own but a cache: every operation reads the tree through
 * the {@link StoreReader} it is given (the store, a snapshot, or a batch with its pending
 * writes), and {@link #update} writes through the caller's {@link WriteBatch}, which the caller
 * commits or discards. Only the latest state is kept: nodes are stored by position and
 * overwritten in place, so the store holds one node per position whatever the number of blocks,
 * and proofs can be made only against the state the reader shows (no proofs at older roots;
 * keep a snapshot open to serve a fixed state).
 *
 * <h2>Threads</h2>
 * <ul>
 * <li>The object itself is safe for any number of threads: its only mutable part is the node
 * cache, which is thread-safe and never serves a node that differs from what the caller's
 * reader holds (see below).</li>
 * <li>Each operation uses its reader from the calling thread only, as the store requires of
 * batches. The writer (block execution) calls {@link #update} with its block's batch; readers
 * (proofs for RPC) call {@link #prove}, {@link #get} and {@link #root} at the same time.</li>
 * <li>Readers should pass a {@link io.zgnode.api.store.StoreSnapshot}: the live store's point
 * reads are each consistent, but a walk from the root may straddle a commit, and then fails with
 * an {@link IllegalStateException} (a node missing or not matching its parent) rather than
 * returning a mixed proof. Take the root to verify against from the same snapshot.</li>
 * <li>Two updates of the same namespace in two batches at once are not meaningful (the later
 * commit overwrites nodes of the earlier); the ledger has one writer.</li>
 * </ul>
 *
 * <h2>Node cache</h2>
 * Decoded nodes (their bytes and the hashes of their sixteen slots and fifteen binary inner
 * positions) are cached by position, at most {@code cachedNodes} of them (about 2.1 KiB each
 * at most): the upper levels (every position of levels 0 to 3 for the default size) in a fixed
 * table, the most recently used deeper ones in an LRU map. The rule that keeps it correct when
 * a batch is discarded: a cached node is used only when its hash equals the hash its parent,
 * read through the caller's reader, names (and the root only when its stored bytes equal the
 * cached root's). Nodes of a discarded batch can therefore stay in the cache but are never
 * served in place of committed ones; they cost a miss and are replaced.
 *
 * <h2>Figures</h2>
 * From {@code StateTreeBenchmark} on the real MapDB store, 2 vCPUs (noisy; orientation only).
 * Blocks of 10,000 changes (80% new values, 10% inserts, 10% deletes), update plus commit:
 * about 35,000-53,000 keys/s on a tree of 100,000 keys (12,000 node writes per block) and
 * 16,500-19,500 keys/s on a tree of 1,000,000 keys (20,000 node writes per block, about half
 * the time in the store's commit). The stored tree has about 0.36 nodes per key. Proofs from a
 * snapshot of the 1M-key tree: about 36,000/s with the default cache (16,000/s without),
 * about 100,000 verified/s, 710 bytes on average. Most of the update time is Keccak: a node
 * read from the store is re-hashed to check it against its parent and to know its inner
 * hashes; a cache large enough for the level-4 nodes of a 1M-key tree (140,000 nodes, about
 * 200 MiB) brings the update pass from about 250 to 160 ms per block, so it is not the default.
 */
public final class StateTree {

    /** The namespace used by {@link #StateTree()}. */
    public static final String DEFAULT_NAMESPACE = "statetree";
    /** Cache size used unless one is given: at most about 34 MiB. */
    public static final int DEFAULT_CACHED_NODES = 16_384;

    private final String namespace;
    private final NodeCache cache;

    /** A tree in namespace {@value #DEFAULT_NAMESPACE} with the default cache. */
    public StateTree() {
        this(DEFAULT_NAMESPACE, DEFAULT_CACHED_NODES);
    }

    /** A tree in {@code namespace} with the default cache. */
    public StateTree(String namespace) {
        this(namespace, DEFAULT_CACHED_NODES);
    }

    /**
     * A tree in {@code namespace} caching at most {@code cachedNodes} decoded nodes (0: none).
     */
    public StateTree(String namespace, int cachedNodes) {
        Objects.requireNonNull(namespace, "namespace");
        if (namespace.isEmpty()) {
            throw new IllegalArgumentException("namespace must not be empty");
        }
        if (cachedNodes < 0) {
            throw new IllegalArgumentException("cachedNodes must not be negative: " + cachedNodes);
        }
        this.namespace = namespace;
        this.cache = new NodeCache(cachedNodes);
    }

    /** The store namespace holding this tree's nodes. */
    public String namespace() {
        return namespace;
    }

    /** Keccak-256 of {@code key}: the key hash under which the tree files a state key. */
    public static Hash keyHash(byte[] key) {
        return Hash.of(Keccak256.hash(key));
    }

    /** The root hash of the tree {@code reader} shows; {@link Hash#ZERO} for an empty tree. */
    public Hash root(StoreReader reader) {
        Objects.requireNonNull(reader, "reader");
        Node root = new NodeReader(reader, namespace, cache).root();
        return root == null ? Hash.ZERO : Hash.of(root.hash());
    }

    /** The value hash of {@code keyHash} in the tree {@code reader} shows, or null when absent. */
    public Hash get(StoreReader reader, Hash keyHash) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(keyHash, "keyHash");
        NodeReader nodes = new NodeReader(reader, namespace, cache);
        Node node = nodes.root();
        byte[] key = keyHash.toArray();
        for (int depth = 0; node != null; depth++) {
            int slot = Paths.nibble(key, depth);
            if (node.isEmpty(slot)) {
                return null;
            }
            if (node.isLeaf(slot)) {
                return node.leafKeyEquals(slot, key) ? Hash.of(node.leafValue(slot)) : null;
            }
            node = nodes.load(key, depth + 1, node.childHash(slot));
        }
        return null;
    }

    /**
     * Applies a block's changes in one pass and writes the changed nodes into {@code batch}
     * (reading through it, so earlier updates in the same batch are seen). Nothing is stored
     * until the caller commits the batch; closing it uncommitted leaves the tree as it was.
     *
     * <p>Cost: each stored node on the path of a changed key is read (or found in the cache),
     * rebuilt and written once per call, however many changed keys lie below it; re-hashing
     * covers only the changed slots and the binary positions above them. With n keys in the
     * tree and k changed that is O(k log n) work, never a pass over the whole state.
     *
     * @param changes key hash to new value hash, or to null to delete the key (deleting an
     *                absent key changes nothing); the map's iteration order does not matter
     * @return the new root hash, {@link Hash#ZERO} when the tree is left empty
     * @throws IllegalStateException if the stored tree is damaged; the batch then holds part of
     *                               the update and must be discarded
     */
    public Hash update(WriteBatch batch, SortedMap<Hash, Hash> changes) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(changes, "changes");
        byte[][][] pairs = new byte[changes.size()][][];
        int n = 0;
        for (Map.Entry<Hash, Hash> e : changes.entrySet()) {
            Hash key = Objects.requireNonNull(e.getKey(), "a key hash in changes is null");
            Hash value = e.getValue();
            pairs[n++] = new byte[][] {key.toArray(), value == null ? null : value.toArray()};
        }
        // already in order for a map in natural Hash order; sorting costs one pass then
        Arrays.sort(pairs, (a, b) -> Arrays.compareUnsigned(a[0], b[0]));
        byte[][] keys = new byte[n][];
        byte[][] values = new byte[n][];
        for (int i = 0; i < n; i++) {
            keys[i] = pairs[i][0];
            values[i] = pairs[i][1];
            if (i > 0 && Arrays.equals(keys[i - 1], keys[i])) {
                throw new IllegalArgumentException("key hash " + Paths.hex(keys[i]) + " appears twice in changes");
            }
        }
        return Hash.of(new Updater(batch, namespace, cache, keys, values).run());
    }

    /**
     * A proof of the value of {@code keyHash}, or of its absence, in the tree {@code reader}
     * shows; verify it with {@link #verify} against {@link #root} of the same reader.
     */
    public Proof prove(StoreReader reader, Hash keyHash) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(keyHash, "keyHash");
        NodeReader nodes = new NodeReader(reader, namespace, cache);
        Node node = nodes.root();
        if (node == null) {
            return new Proof(0, new byte[0], null, null);
        }
        byte[] key = keyHash.toArray();
        byte[] siblings = new byte[Proof.MAX_DEPTH * Paths.HASH];
        int bits = 0;
        int depth = 0;
        int p = 1; // heap position inside the node: 1 the node, 16..31 its slots
        while (true) {
            if (node.isEmptyAt(p)) {
                return new Proof(bits, Arrays.copyOf(siblings, bits * Paths.HASH), null, null);
            }
            if (node.isSingleAt(p)) {
                int slot = node.onlySlotUnder(p);
                return new Proof(bits, Arrays.copyOf(siblings, bits * Paths.HASH), node.leafKey(slot),
                        node.leafValue(slot));
            }
            if (p >= Node.SLOTS) {
                // a child node: the same binary position, one node down
                node = nodes.load(key, depth + 1, node.childHash(p - Node.SLOTS));
                depth++;
                p = 1;
                continue;
            }
            int bit = Paths.bit(key, bits);
            node.hashAt(2 * p + 1 - bit, siblings, bits * Paths.HASH);
            bits++;
            p = 2 * p + bit;
        }
    }

    /**
     * Whether {@code proof} shows that, in the tree with root {@code root}, {@code keyHash} has
     * value hash {@code valueHash} or, when that is null, is absent. Needs nothing but
     * Keccak-256; the same as {@link Proof#verify}.
     */
    public static boolean verify(Hash root, Hash keyHash, Hash valueHash, Proof proof) {
        Objects.requireNonNull(proof, "proof");
        return proof.verify(root, keyHash, valueHash);
    }

    /** Empties the node cache (for tests and measurements; never needed for correctness). */
    public void clearCache() {
        cache.clear();
    }

    /** Nodes in the cache now. */
    public int cachedNodes() {
        return cache.size();
    }
}
