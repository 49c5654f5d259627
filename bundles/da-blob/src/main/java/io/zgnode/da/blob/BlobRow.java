package io.zgnode.da.blob;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.zgnode.api.chain.Hash;
import io.zgnode.da.blob.internal.RowTree;
import io.zgnode.storage.merkle.SegmentProof;
import io.zgnode.storage.merkle.SubtreeHasher;

/**
 * One row of an encoded blob with its proof: rows 0 .. k-1 hold the blob itself, rows k .. n-1 the
 * code's parity.
 *
 * <p>The array is not copied, in or out: rows are many and large, and pass from the encoder to the
 * network and from the network to the decoder. Whoever makes a row hands its array over; nobody
 * changes {@link #data()}.
 */
public record BlobRow(int index, byte[] data, RowProof proof) {

    public BlobRow {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(proof, "proof");
    }

    /**
     * Why this row is not row {@link #index()} of the blob {@code dataRoot} stands for, or empty if it
     * is: the index names a row of the shape, the data is a row size of the shape, the proof's path is
     * the one of that index, its first hash is the root of the data, and it hashes up to the data root.
     */
    public Optional<String> check(Hash dataRoot, BlobShape shape) {
        if (index < 0) {
            return Optional.of("row " + index + " is not a row: rows are numbered from 0");
        }
        if (index >= shape.totalRows()) {
            return Optional.of("row " + index + " is past the " + shape.totalRows() + " rows");
        }
        String row = "row " + index + ": ";
        if (!shape.isRowBytes(data.length)) {
            return Optional.of(row + data.length + " bytes is not a row size of a " + shape.describe()
                    + " blob (256 B times a power of two, at most " + shape.maxRowBytes() + " B)");
        }
        SegmentProof path = proof.asSegmentProof();
        if (!path.isWellFormed()) {
            return Optional.of(row + "proof has " + proof.lemma().size() + " hashes for " + proof.path().size() + " steps");
        }
        if (path.leafIndex(RowTree.leaves(shape.totalRows(), data.length)) != index) {
            return Optional.of(row + "proof path is not the one of row " + index + " among " + shape.totalRows() + " rows");
        }
        List<Hash> lemma = proof.lemma();
        if (!lemma.get(0).equals(new SubtreeHasher().root(data, 0, data.length))) {
            return Optional.of(row + "data does not match the proof's row root");
        }
        if (!lemma.get(lemma.size() - 1).equals(dataRoot) || !path.foldsToRoot()) {
            return Optional.of(row + "proof does not lead to the data root");
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BlobRow that && index == that.index && Arrays.equals(data, that.data) && proof.equals(that.proof);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, Arrays.hashCode(data), proof);
    }

    @Override
    public String toString() {
        return "BlobRow[index=" + index + ", data=" + data.length + " bytes, proof=" + proof + "]";
    }
}
