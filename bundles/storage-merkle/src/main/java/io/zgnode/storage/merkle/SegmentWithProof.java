package io.zgnode.storage.merkle;

import java.util.Arrays;
import java.util.Objects;

import io.zgnode.api.chain.Hash;

/**
 * A segment as a client uploads it and a node serves it ({@code zgs_uploadSegment},
 * {@code zgs_downloadSegmentWithProof}): the file root, the segment's bytes as
 * {@link FileLayout#segmentDataLength(int)} describes them, its index, its proof and the file size.
 */
public record SegmentWithProof(Hash root, byte[] data, int index, SegmentProof proof, long fileSize) {

    public SegmentWithProof {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(proof, "proof");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** True if the proof places these bytes at {@code index} of the file {@code root} stands for. */
    public boolean verify() {
        return ProofVerifier.verify(data, index, proof, root, fileSize);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SegmentWithProof that && index == that.index && fileSize == that.fileSize
                && root.equals(that.root) && Arrays.equals(data, that.data) && proof.equals(that.proof);
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, Arrays.hashCode(data), index, proof, fileSize);
    }

    @Override
    public String toString() {
        return "SegmentWithProof[root=" + root + ", data=" + data.length + " bytes, index=" + index
                + ", proof=" + proof + ", fileSize=" + fileSize + "]";
    }
}
