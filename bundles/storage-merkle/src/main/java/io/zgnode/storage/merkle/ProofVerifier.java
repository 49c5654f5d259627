package io.zgnode.storage.merkle;

import java.util.List;
import java.util.Optional;

import io.zgnode.api.chain.Hash;
import io.zgnode.storage.merkle.internal.SegmentHasher;

/**
 * Checks an uploaded or downloaded segment against its file root, as 0G's storage node checks
 * {@code zgs_uploadSegment}: the index names a segment holding file bytes, the data has exactly
 * that segment's length, the proof has the format and the path of that index in a tree of
 * {@link FileLayout#paddedSegments()} leaves, it hashes from the segment root (file chunks plus
 * the segment's padding chunks) to the file root, and every sibling covering padding alone is the
 * zero-subtree hash. On top of the node's checks, the bytes after the file's end must be zero: the
 * root already commits to that, the explicit check only names the fault.
 */
public final class ProofVerifier {
    private ProofVerifier() {
    }

    public static boolean verify(byte[] data, int index, SegmentProof proof, Hash root, long fileSize) {
        return check(data, index, proof, root, fileSize).isEmpty();
    }

    /** Why the segment fails, or empty if it is valid. */
    public static Optional<String> check(byte[] data, int index, SegmentProof proof, Hash root, long fileSize) {
        if (fileSize <= 0) {
            return Optional.of("file size must be positive, got " + fileSize);
        }
        FileLayout layout = new FileLayout(fileSize);
        if (index < 0 || index >= layout.segments()) {
            return Optional.of("segment index " + index + " out of range: the file has " + layout.segments() + " segments");
        }
        if (data.length != layout.segmentDataLength(index)) {
            return Optional.of("segment " + index + " must be " + layout.segmentDataLength(index) + " bytes, got " + data.length);
        }
        if (!tailIsZero(data, index, fileSize)) {
            return Optional.of("bytes after the end of the file must be zero");
        }
        if (!proof.isWellFormed()) {
            return Optional.of("proof has " + proof.lemma().size() + " hashes for " + proof.path().size() + " steps");
        }
        if (proof.leafIndex(layout.paddedSegments()) != index) {
            return Optional.of("proof path does not lead to segment " + index + " of " + layout.paddedSegments());
        }
        List<Hash> lemma = proof.lemma();
        Hash segmentRoot = Hash.of(new SegmentHasher().root(data, 0, data.length, layout.segmentChunks(index)));
        if (!lemma.get(0).equals(segmentRoot)) {
            return Optional.of("segment data does not match the proof's segment root");
        }
        if (!lemma.get(lemma.size() - 1).equals(root) || !proof.foldsToRoot()) {
            return Optional.of("proof does not lead to file root " + root);
        }
        if (!paddingSiblingsAreZero(proof, layout)) {
            return Optional.of("proof node in the padding range is not the zero-subtree hash");
        }
        return Optional.empty();
    }

    private static boolean tailIsZero(byte[] data, int index, long fileSize) {
        long end = fileSize - (long) index * FileLayout.SEGMENT_SIZE;
        for (long i = Math.max(0, end); i < data.length; i++) {
            if (data[(int) i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Walks the path from the root down; a right sibling that starts at or after the last segment
     * holding file bytes covers padding only, and must be the zero subtree of its height, as the
     * storage node requires (it takes the height of the sibling's left neighbour, which equals its
     * own wherever padding fills a sibling: the padding never reaches across a power-of-two block).
     */
    private static boolean paddingSiblingsAreZero(SegmentProof proof, FileLayout layout) {
        List<Boolean> path = proof.path();
        List<Hash> lemma = proof.lemma();
        long remaining = layout.paddedSegments();
        long position = 0;
        for (int step = path.size() - 1; step >= 0; step--) {
            long left = Long.highestOneBit(remaining - 1);
            if (!path.get(step)) {
                position += left;
                remaining -= left;
                continue;
            }
            remaining = left;
            if (position + left >= layout.segments()) {
                int height = Long.numberOfTrailingZeros(left) + FileLayout.SEGMENT_HEIGHT;
                if (!lemma.get(step + 1).equals(ZeroHashes.of(height))) {
                    return false;
                }
            }
        }
        return true;
    }
}
