package io.zgnode.storage.merkle;

import java.util.Arrays;
import java.util.Objects;

import io.zgnode.api.chain.Hash;
import io.zgnode.storage.merkle.internal.HashLevels;
import io.zgnode.storage.merkle.internal.SegmentHasher;

/**
 * Roots of whole subtrees of a file tree: runs of 2<sup>h</sup> chunks (256 bytes times a power of
 * two) that start at a multiple of their own size in the file. Such a run is a node of the file
 * tree whatever surrounds it, since the tree pairs nodes from the left and only carries up a
 * level's odd last node; its root is also the file root of the run taken alone. Runs longer than a
 * segment are hashed a segment at a time, then over the segment roots.
 *
 * <p>Keeps its working buffers between calls: not thread-safe, give each thread its own.
 */
public final class SubtreeHasher {
    private final SegmentHasher segments = new SegmentHasher();
    private byte[] segmentRoots = new byte[0];

    /**
     * The root of the run {@code data[offset .. offset + length)}.
     *
     * @throws IllegalArgumentException unless {@code length} is 256 bytes times a power of two
     */
    public Hash root(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length < FileLayout.CHUNK_SIZE || Integer.bitCount(length) != 1) {
            throw new IllegalArgumentException("a subtree is 256 bytes times a power of two, not " + length + " bytes");
        }
        int chunks = length / FileLayout.CHUNK_SIZE;
        if (chunks <= FileLayout.SEGMENT_CHUNKS) {
            return Hash.of(segments.root(data, offset, length, chunks));
        }
        int count = chunks / FileLayout.SEGMENT_CHUNKS;
        if (segmentRoots.length < count * HashLevels.HASH) {
            segmentRoots = new byte[count * HashLevels.HASH];
        }
        for (int s = 0; s < count; s++) {
            byte[] root = segments.root(data, offset + s * FileLayout.SEGMENT_SIZE, FileLayout.SEGMENT_SIZE, FileLayout.SEGMENT_CHUNKS);
            System.arraycopy(root, 0, segmentRoots, s * HashLevels.HASH, HashLevels.HASH);
        }
        while (count > 1) {
            count = HashLevels.reduce(segments.hasher(), segmentRoots, count, segmentRoots);
        }
        return Hash.of(Arrays.copyOf(segmentRoots, HashLevels.HASH));
    }
}
