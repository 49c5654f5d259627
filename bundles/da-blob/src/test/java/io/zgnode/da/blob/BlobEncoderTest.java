package io.zgnode.da.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.zgnode.api.chain.Hash;
import io.zgnode.da.erasure.ReedSolomon;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.FileMerkle;

class BlobEncoderTest {
    private final Random random = new Random(7);

    /**
     * The data root is the storage root of the matrix as one file: rows within a segment, rows of
     * a whole segment and rows of several (k = 4 with 3 MiB: 1 MiB rows), row counts the flow pads
     * (17 -> 18, 35 -> 36, 100 -> 104) and 0G's 1024 -> 3072.
     */
    @ParameterizedTest(name = "{0} -> {1}, {2} bytes")
    @CsvSource({
        "1, 2, 1", "1, 3, 300", "2, 3, 5000", "3, 5, 100", "4, 12, 1000", "5, 17, 1", "5, 17, 9000", "10, 35, 40000",
        "16, 48, 1000000", "100, 300, 70000", "4, 12, 3145728", "4, 6, 3145728", "3, 4, 786430", "1024, 3072, 1",
        "1024, 3072, 300000", "1024, 3072, 1048576"})
    void theDataRootIsTheStorageRootOfTheMatrix(int k, int n, int size) {
        BlobShape shape = new BlobShape(k, n);
        EncodedBlob blob = BlobEncoder.of(shape).encode(Blobs.payload(random, size));
        byte[] matrix = Blobs.matrix(blob);
        assertThat(matrix).hasSize(n * blob.rowBytes());
        assertThat(blob.dataRoot()).isEqualTo(FileMerkle.sequential().of(matrix).root());
        assertThat(blob.rowBytes()).isEqualTo(shape.rowBytes(size));
        assertThat(blob.payloadLength()).isEqualTo(size);
    }

    @Test
    void rowsLargerThanASegment() {
        EncodedBlob blob = BlobEncoder.of(new BlobShape(4, 12)).encode(Blobs.payload(random, 3 << 20));
        assertThat(blob.rowBytes()).isEqualTo(1 << 20).isGreaterThan(FileLayout.SEGMENT_SIZE);
    }

    /** Rows 0 .. k-1 are the length (4 bytes, little-endian), the payload and zeros; the rest the code's parity. */
    @Test
    void theDataRowsAreTheBlobAndTheOthersItsParity() {
        BlobShape shape = new BlobShape(5, 17);
        byte[] payload = Blobs.payload(random, 700);
        EncodedBlob blob = BlobEncoder.of(shape).encode(payload);
        assertThat(blob.rowBytes()).isEqualTo(256);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[] {(byte) 0xbc, 0x02, 0, 0});
        expected.writeBytes(payload);
        byte[] dataBytes = Arrays.copyOf(expected.toByteArray(), 5 * 256);
        byte[][] dataRows = new byte[5][];
        for (int i = 0; i < 5; i++) {
            dataRows[i] = blob.row(i).data();
            assertThat(dataRows[i]).as("row %d", i).isEqualTo(Arrays.copyOfRange(dataBytes, i * 256, (i + 1) * 256));
        }
        byte[][] parity = ReedSolomon.of(5, 17).encode(dataRows);
        for (int j = 0; j < 12; j++) {
            assertThat(blob.row(5 + j).data()).as("row %d", 5 + j).isEqualTo(parity[j]);
        }
    }

    @Test
    void theResultDoesNotDependOnTheThreads() {
        byte[] payload = Blobs.payload(random, 2_000_000);
        EncodedBlob one = BlobEncoder.of(BlobShape.ZG).withThreads(1).encode(payload);
        EncodedBlob four = BlobEncoder.of(BlobShape.ZG).withThreads(4).encode(payload);
        assertThat(four.dataRoot()).isEqualTo(one.dataRoot());
        assertThat(four.row(3000)).isEqualTo(one.row(3000));
    }

    @Test
    void differentPayloadsHaveDifferentRoots() {
        byte[] payload = Blobs.payload(random, 5000);
        BlobEncoder encoder = BlobEncoder.of(new BlobShape(4, 12));
        Hash root = encoder.encode(payload).dataRoot();
        payload[4999] ^= 1;
        assertThat(encoder.encode(payload).dataRoot()).isNotEqualTo(root);
        assertThat(encoder.encode(Arrays.copyOf(payload, 4999)).dataRoot()).as("a shorter payload").isNotEqualTo(root);
    }

    @Test
    void rowsAreCopiesOfTheBlobs() {
        EncodedBlob blob = BlobEncoder.of(new BlobShape(4, 12)).encode(Blobs.payload(random, 5000));
        blob.row(2).data()[0] ^= 1;
        assertThat(blob.row(2).check(blob.dataRoot(), blob.shape())).isEmpty();
    }

    @Test
    void emptyAndOversizedPayloadsAreRefused() {
        BlobEncoder encoder = BlobEncoder.of(BlobShape.ZG);
        assertThatThrownBy(() -> encoder.encode(new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 byte").hasMessageContaining("got 0");
        assertThatThrownBy(() -> encoder.encode(new byte[BlobShape.MAX_PAYLOAD + 1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 32505852 bytes").hasMessageContaining("got 32505853 bytes");
        assertThatThrownBy(() -> encoder.withThreads(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsOutsideTheShapeDoNotExist() {
        EncodedBlob blob = BlobEncoder.of(new BlobShape(4, 12)).encode(new byte[] {1});
        assertThatThrownBy(() -> blob.row(12)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("row 12 of 12");
        assertThatThrownBy(() -> blob.row(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
