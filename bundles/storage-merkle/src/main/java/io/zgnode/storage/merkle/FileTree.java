package io.zgnode.storage.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;
import io.zgnode.storage.merkle.internal.HashLevels;
import io.zgnode.storage.merkle.internal.SegmentScan;

/**
 * A file's Merkle tree down to its segments: the file root, the segment roots, the submission and
 * the segment proofs. It holds about 64 bytes per 256 KiB segment (1 MiB for a 4 GiB file), never
 * file bytes; make one with {@link FileMerkle}.
 */
public final class FileTree {
    private final FileLayout layout;
    private final HashLevels segments;
    /** The last segment's own levels when the submission has nodes smaller than a segment. */
    private final HashLevels lastSegment;

    FileTree(SegmentScan.Result scan) {
        this.layout = scan.layout();
        this.lastSegment = scan.last();
        int padded = layout.paddedSegments();
        int withData = layout.segments();
        // Segments of padding alone are never read: their root is known.
        byte[] roots = Arrays.copyOf(scan.roots(), Math.multiplyExact(padded, HashLevels.HASH));
        byte[] zero = ZeroHashes.of(FileLayout.SEGMENT_HEIGHT).toArray();
        for (int i = withData; i < padded; i++) {
            System.arraycopy(zero, 0, roots, i * HashLevels.HASH, HashLevels.HASH);
        }
        this.segments = new HashLevels(new Keccak256.Hasher(), roots, padded);
    }

    public FileLayout layout() {
        return layout;
    }

    public Hash root() {
        return segments.root();
    }

    /** The root of padded segment {@code index}, below {@link FileLayout#paddedSegments()}. */
    public Hash segmentRoot(int index) {
        if (index < 0 || index >= layout.paddedSegments()) {
            throw new IndexOutOfBoundsException("segment " + index + " of " + layout.paddedSegments());
        }
        return segments.node(0, index);
    }

    /** The submission for {@code Flow.submit}, with no tags. */
    public Submission submission() {
        long padded = layout.paddedChunks();
        List<SubmissionNode> nodes = new ArrayList<>();
        long offset = 0;
        for (int height = Long.SIZE - 1; height >= 0; height--) {
            if ((padded & (1L << height)) != 0) {
                nodes.add(new SubmissionNode(subtree(offset, height), height));
                offset += 1L << height;
            }
        }
        return new Submission(layout.size(), new byte[0], nodes);
    }

    /** A node starts where the larger ones end, so it is aligned to its own size: a whole subtree. */
    private Hash subtree(long chunkOffset, int height) {
        if (height >= FileLayout.SEGMENT_HEIGHT) {
            return segments.node(height - FileLayout.SEGMENT_HEIGHT, (int) (chunkOffset >>> height));
        }
        return lastSegment.node(height, (int) ((chunkOffset % FileLayout.SEGMENT_CHUNKS) >>> height));
    }

    /** The proof of segment {@code index}, one of the {@link FileLayout#segments()} holding file bytes. */
    public SegmentProof proof(int index) {
        if (index < 0 || index >= layout.segments()) {
            throw new IndexOutOfBoundsException("segment " + index + " of " + layout.segments() + " holding file bytes");
        }
        return segments.proof(index);
    }

    /** Segment {@code index} ready to upload; {@code data} as {@link SegmentData} reads it. */
    public SegmentWithProof segment(int index, byte[] data) {
        if (data.length != layout.segmentDataLength(index)) {
            throw new IllegalArgumentException("segment " + index + " must be " + layout.segmentDataLength(index)
                    + " bytes, got " + data.length);
        }
        return new SegmentWithProof(root(), data, index, proof(index), layout.size());
    }
}
