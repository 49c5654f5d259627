package io.zgnode.storage.merkle.internal;

import java.util.Arrays;

import io.zgnode.crypto.Keccak256;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.ZeroHashes;

/**
 * Hashes segments: 256-byte chunk leaves, then the tree over them, in one reused buffer, so a
 * segment costs no allocation but its 32-byte root. Not thread-safe: one per thread.
 */
public final class SegmentHasher {
    private static final int CHUNK = FileLayout.CHUNK_SIZE;
    private static final byte[] ZERO_CHUNK = new byte[CHUNK];
    private static final byte[] EMPTY_LEAF = ZeroHashes.of(0).toArray();

    private final Keccak256.Hasher hasher = new Keccak256.Hasher();
    private final byte[] nodes = new byte[FileLayout.SEGMENT_CHUNKS * HashLevels.HASH];

    public Keccak256.Hasher hasher() {
        return hasher;
    }

    /**
     * The root of a segment of {@code chunks} chunks whose first {@code length} bytes are
     * {@code data[offset..]} and whose rest is zero (the tail of the last chunk, padding chunks).
     */
    public byte[] root(byte[] data, int offset, int length, int chunks) {
        int count = leaves(data, offset, length, chunks, nodes);
        while (count > 1) {
            count = HashLevels.reduce(hasher, nodes, count, nodes);
        }
        return Arrays.copyOf(nodes, HashLevels.HASH);
    }

    /** The segment's chunk leaves, as {@link #root} hashes them; for trees that need every level. */
    public HashLevels levels(byte[] data, int offset, int length, int chunks) {
        int count = leaves(data, offset, length, chunks, nodes);
        return new HashLevels(hasher, nodes, count);
    }

    private int leaves(byte[] data, int offset, int length, int chunks, byte[] out) {
        if (chunks < 1 || chunks > FileLayout.SEGMENT_CHUNKS || length < 0 || length > chunks * CHUNK) {
            throw new IllegalArgumentException(length + " bytes do not fit a segment of " + chunks + " chunks");
        }
        int whole = length / CHUNK;
        for (int c = 0; c < whole; c++) {
            hasher.update(data, offset + c * CHUNK, CHUNK).digest(out, c * HashLevels.HASH);
        }
        int filled = whole;
        int rest = length % CHUNK;
        if (rest > 0) {
            hasher.update(data, offset + whole * CHUNK, rest).update(ZERO_CHUNK, 0, CHUNK - rest)
                    .digest(out, filled++ * HashLevels.HASH);
        }
        for (int c = filled; c < chunks; c++) {
            System.arraycopy(EMPTY_LEAF, 0, out, c * HashLevels.HASH, HashLevels.HASH);
        }
        return chunks;
    }
}
