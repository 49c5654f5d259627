package io.zgnode.da.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.zgnode.api.chain.Hash;

class BlobRowTest {
    /** 17 rows: the flow pads the tree to 18 leaves, so row 16 has a padding sibling. */
    private static final BlobShape SHAPE = new BlobShape(5, 17);
    private static final EncodedBlob BLOB = BlobEncoder.of(SHAPE).encode(Blobs.payload(new Random(1), 3000));
    private static final EncodedBlob OTHER = BlobEncoder.of(SHAPE).encode(Blobs.payload(new Random(2), 3000));

    @ParameterizedTest(name = "{0} -> {1}, {2} bytes")
    @CsvSource({"5, 17, 3000", "4, 12, 100", "1, 2, 1", "3, 4, 786430", "4, 6, 3145728", "10, 35, 40000"})
    void everyRowVerifies(int k, int n, int size) {
        BlobShape shape = new BlobShape(k, n);
        EncodedBlob blob = BlobEncoder.of(shape).encode(Blobs.payload(new Random(size), size));
        for (int i = 0; i < n; i++) {
            BlobRow row = blob.row(i);
            assertThat(row.check(blob.dataRoot(), shape)).as("row %d", i).isEmpty();
            assertThat(row.proof().lemma().get(row.proof().lemma().size() - 1)).isEqualTo(blob.dataRoot());
        }
    }

    @Test
    void aFlippedDataByteFails() {
        for (int i : new int[] {0, 3, 16}) {
            BlobRow row = BLOB.row(i);
            row.data()[17] ^= 1;
            assertThat(reason(row)).as("row %d", i).isEqualTo("row " + i + ": data does not match the proof's row root");
        }
    }

    @Test
    void aWrongIndexFails() {
        BlobRow row = BLOB.row(3);
        assertThat(reason(new BlobRow(4, row.data(), row.proof()))).isEqualTo("row 4: proof path is not the one of row 4 among 17 rows");
        assertThat(reason(new BlobRow(2, row.data(), row.proof()))).startsWith("row 2: proof path");
        assertThat(reason(new BlobRow(17, row.data(), row.proof()))).isEqualTo("row 17 is past the 17 rows");
        assertThat(reason(new BlobRow(9000, row.data(), row.proof()))).isEqualTo("row 9000 is past the 17 rows");
        assertThat(reason(new BlobRow(-1, row.data(), row.proof()))).contains("not a row");
    }

    @Test
    void aTruncatedRowFails() {
        BlobRow row = BLOB.row(6);
        assertThat(reason(new BlobRow(6, Arrays.copyOf(row.data(), 255), row.proof())))
                .startsWith("row 6: 255 bytes is not a row size of a 5 -> 17 blob");
        assertThat(reason(new BlobRow(6, new byte[0], row.proof()))).startsWith("row 6: 0 bytes is not a row size");
        EncodedBlob large = BlobEncoder.of(new BlobShape(4, 12)).encode(Blobs.payload(new Random(3), 5000));
        BlobRow largeRow = large.row(1);
        assertThat(largeRow.data()).hasSize(2048);
        assertThat(largeRow.check(large.dataRoot(), large.shape())).isEmpty();
        assertThat(reason(new BlobRow(1, Arrays.copyOf(largeRow.data(), 1024), largeRow.proof()), large))
                .as("half a row is a row size, with another root").isEqualTo("row 1: data does not match the proof's row root");
    }

    @Test
    void aRowLargerThanTheShapeAllowsFails() {
        BlobRow row = BLOB.row(0);
        int tooLarge = SHAPE.maxRowBytes() * 2;
        assertThat(reason(new BlobRow(0, new byte[tooLarge], row.proof()))).contains("at most " + SHAPE.maxRowBytes() + " B");
    }

    @Test
    void aProofFromAnotherBlobFails() {
        BlobRow mine = BLOB.row(5);
        BlobRow theirs = OTHER.row(5);
        assertThat(reason(new BlobRow(5, mine.data(), theirs.proof()))).isEqualTo("row 5: data does not match the proof's row root");
        assertThat(reason(theirs)).as("their row against our root").isEqualTo("row 5: proof does not lead to the data root");
        assertThat(theirs.check(OTHER.dataRoot(), SHAPE)).isEmpty();
    }

    @Test
    void aSwappedLemmaEntryFails() {
        BlobRow row = BLOB.row(5);
        List<Hash> lemma = new ArrayList<>(row.proof().lemma());
        assertThat(lemma).hasSizeGreaterThan(3);
        Hash first = lemma.get(1);
        lemma.set(1, lemma.get(2));
        lemma.set(2, first);
        assertThat(reason(new BlobRow(5, row.data(), new RowProof(lemma, row.proof().path()))))
                .isEqualTo("row 5: proof does not lead to the data root");
    }

    @Test
    void aBrokenProofFails() {
        BlobRow row = BLOB.row(5);
        RowProof proof = row.proof();
        List<Hash> shorter = proof.lemma().subList(0, proof.lemma().size() - 1);
        assertThat(reason(new BlobRow(5, row.data(), new RowProof(shorter, proof.path())))).startsWith("row 5: proof has");
        List<Boolean> flipped = new ArrayList<>(proof.path());
        flipped.set(flipped.size() - 1, !flipped.get(flipped.size() - 1));
        assertThat(reason(new BlobRow(5, row.data(), new RowProof(proof.lemma(), flipped)))).startsWith("row 5: proof path");
        List<Hash> forgedRoot = new ArrayList<>(proof.lemma());
        forgedRoot.set(forgedRoot.size() - 1, OTHER.dataRoot());
        assertThat(reason(new BlobRow(5, row.data(), new RowProof(forgedRoot, proof.path()))))
                .isEqualTo("row 5: proof does not lead to the data root");
    }

    @Test
    void aWrongRootOrShapeFails() {
        assertThat(BLOB.row(5).check(OTHER.dataRoot(), SHAPE).orElseThrow()).isEqualTo("row 5: proof does not lead to the data root");
        assertThat(BLOB.row(5).check(BLOB.dataRoot(), new BlobShape(5, 8)).orElseThrow()).as("a tree of 8 rows").startsWith("row 5: proof path");
    }

    @Test
    void rowsCompareByContent() {
        assertThat(BLOB.row(4)).isEqualTo(BLOB.row(4)).hasSameHashCodeAs(BLOB.row(4)).isNotEqualTo(OTHER.row(4));
        assertThat(BLOB.row(4).toString()).contains("index=4", "1024 bytes");
    }

    /** Why the row fails against {@link #BLOB}; fails the test if it is valid. */
    private static String reason(BlobRow row) {
        return reason(row, BLOB);
    }

    private static String reason(BlobRow row, EncodedBlob blob) {
        return row.check(blob.dataRoot(), blob.shape()).orElseThrow(() -> new AssertionError("row " + row.index() + " passed"));
    }
}
