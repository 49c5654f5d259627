package io.zgnode.storage.flow;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;

import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.SubmissionNode;
import io.zgnode.storage.merkle.ZeroHashes;

/**
 * The flow's Merkle tree, with 0G's placement rules and 0G's root.
 * <p>
 * <b>Placement</b> (0G's {@code FlowTreeLib}): sector 0 holds the flow's identifier, an all-zero
 * leaf, so the flow starts 1 long. An entry's first node of height h starts at the next multiple of
 * 2<sup>h</sup>; if that start is inside a segment (1024 sectors) and the entry would cross into the
 * next one, it starts at the next segment instead, so a small file never straddles two segments.
 * The following nodes are smaller powers of two and fall in place right after. Sectors skipped are
 * empty (zero chunks).
 * <p>
 * <b>Root</b>: the tree over sectors 0 to 2<sup>H</sup>, H the least with 2<sup>H</sup> &ge; the
 * flow's length, every sector not in an entry an empty chunk, {@code keccak(left || right)} at each
 * level: what 0G's incremental tree commits to after each submission.
 * <p>
 * <b>Storage</b>: what an append-only tree needs, its frontier. For every set bit i of the length
 * L, the root of the complete 2<sup>i</sup>-sector subtree that ends the filled part at that level
 * (the subtrees of the filled prefix, largest first, are exactly those of L's set bits). Appending a
 * subtree merges it with frontier roots like a binary carry; the root folds the frontier with
 * zero subtrees. So an append touches a few levels, never the sectors.
 * <p>
 * Changes stay in this object until the caller stores {@link #changedLevels()} and
 * {@link #length()}. Used by one call at a time.
 */
final class FlowTree {

    /** The flow's length before any entry: the identifier sector. */
    static final long INITIAL_LENGTH = 1;
    private static final long SEGMENT = FileLayout.SEGMENT_CHUNKS;

    private final IntFunction<Hash> storedLevel;
    private final SortedMap<Integer, Hash> changed = new TreeMap<>();
    private long length;
    private int hashes;

    /**
     * @param storedLevel the stored frontier root of a level, {@link Hash#ZERO} where none is
     *        stored (level 0 of a new flow: the identifier)
     */
    FlowTree(long length, IntFunction<Hash> storedLevel) {
        if (length < INITIAL_LENGTH) {
            throw new IllegalArgumentException("a flow is at least 1 sector long, got " + length);
        }
        this.length = length;
        this.storedLevel = storedLevel;
    }

    long length() {
        return length;
    }

    /** Frontier roots written since this object was made, by level. */
    SortedMap<Integer, Hash> changedLevels() {
        return Collections.unmodifiableSortedMap(changed);
    }

    /** Keccak-256 computations so far, for the caller to charge gas for. */
    int hashes() {
        return hashes;
    }

    /**
     * Places an entry's nodes (heights strictly decreasing) and returns its start sector.
     *
     * @throws ArithmeticException if the flow would pass 2<sup>63</sup> sectors
     */
    long append(List<SubmissionNode> nodes) {
        if (nodes.get(0).height() >= Long.SIZE - 1) {
            throw new ArithmeticException("a node of height " + nodes.get(0).height() + " does not fit in the flow");
        }
        long sectors = 0;
        for (SubmissionNode node : nodes) {
            sectors = Math.addExact(sectors, 1L << node.height());
        }
        long start = alignUp(length, nodes.get(0).height());
        if (start % SEGMENT != 0 && start / SEGMENT != (Math.addExact(start, sectors) - 1) / SEGMENT) {
            start = Math.addExact(start, SEGMENT - start % SEGMENT);
        }
        Math.addExact(start, sectors);
        fillEmpty(start);
        for (SubmissionNode node : nodes) {
            push(node.root(), node.height());
        }
        return start;
    }

    /** The root over sectors 0 to 2<sup>H</sup> (see the class comment). */
    Hash root() {
        int height = length == 1 ? 0 : 64 - Long.numberOfLeadingZeros(length - 1);
        if (length == 1L << height) {
            return level(height);
        }
        byte[] node = ZeroHashes.of(0).toArray();
        for (int i = 0; i < height; i++) {
            node = (length >>> i & 1) == 1 ? hash(level(i).toArray(), node) : hash(node, ZeroHashes.of(i).toArray());
        }
        return Hash.of(node);
    }

    /** Fills the sectors from the current length to {@code end} with empty chunks, largest aligned subtrees first. */
    private void fillEmpty(long end) {
        while (length < end) {
            int height = Math.min(Long.numberOfTrailingZeros(length), 63 - Long.numberOfLeadingZeros(end - length));
            push(ZeroHashes.of(height), height);
        }
    }

    /** Appends a subtree of 2<sup>height</sup> sectors at the current length, which it must be aligned to. */
    private void push(Hash root, int height) {
        byte[] node = root.toArray();
        int level = height;
        while ((length >>> level & 1) == 1) {
            node = hash(level(level).toArray(), node);
            level++;
        }
        changed.put(level, Hash.of(node));
        length += 1L << height;
    }

    private Hash level(int level) {
        Hash changedRoot = changed.get(level);
        return changedRoot != null ? changedRoot : storedLevel.apply(level);
    }

    private byte[] hash(byte[] left, byte[] right) {
        hashes++;
        return Keccak256.hash(left, right);
    }

    private static long alignUp(long value, int height) {
        long unit = 1L << height;
        return Math.multiplyExact(Math.addExact(value, unit - 1) / unit, unit);
    }
}
