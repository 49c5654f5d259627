package io.zgnode.da.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.zgnode.da.erasure.ReedSolomon;

class BlobDecoderTest {
    private static final BlobShape[] SHAPES = {
        new BlobShape(1, 3), new BlobShape(3, 4), new BlobShape(4, 12), new BlobShape(5, 17), new BlobShape(16, 48), BlobShape.ZG};
    private final Random random = new Random(11);

    /**
     * Random payload sizes from 1 byte to 4 MiB (spread over the orders of magnitude), random shapes,
     * random sets of k to n rows (each checked against the root, as a caller does): the exact payload.
     */
    @Test
    void anyKRowsGiveThePayloadBack() throws BlobDecodeException {
        for (int trial = 0; trial < 40; trial++) {
            BlobShape shape = SHAPES[trial % SHAPES.length];
            int size = Math.max(1, (int) Math.pow(2, random.nextDouble() * 22));
            byte[] payload = Blobs.payload(random, size);
            EncodedBlob blob = BlobEncoder.of(shape).encode(payload);
            int kept = trial % 3 == 0 ? shape.dataRows() : shape.dataRows() + random.nextInt(shape.parityRows() + 1);
            Map<Integer, byte[]> rows = new HashMap<>();
            for (int index : Blobs.randomRows(random, shape.totalRows(), kept)) {
                BlobRow row = blob.row(index);
                assertThat(row.check(blob.dataRoot(), shape)).isEmpty();
                rows.put(index, row.data());
            }
            assertThat(BlobDecoder.of(shape).decode(blob.rowBytes(), rows))
                    .as("trial %d: %s, %d bytes, %d rows", trial, shape, size, kept).isEqualTo(payload);
        }
    }

    @Test
    void theDataRowsAloneTheParityAloneAndAllRows() throws BlobDecodeException {
        BlobShape shape = new BlobShape(16, 48);
        byte[] payload = Blobs.payload(random, 100_000);
        EncodedBlob blob = BlobEncoder.of(shape).encode(payload);
        BlobDecoder decoder = BlobDecoder.of(shape);
        assertThat(decoder.decode(blob.rowBytes(), rows(blob, 0, 16))).isEqualTo(payload);
        assertThat(decoder.decode(blob.rowBytes(), rows(blob, 32, 48))).isEqualTo(payload);
        assertThat(decoder.withThreads(1).decode(blob.rowBytes(), rows(blob, 0, 48))).isEqualTo(payload);
    }

    @Test
    void theDecoderDoesNotChangeTheRowsGiven() throws BlobDecodeException {
        BlobShape shape = new BlobShape(4, 12);
        EncodedBlob blob = BlobEncoder.of(shape).encode(Blobs.payload(random, 3000));
        Map<Integer, byte[]> rows = rows(blob, 6, 12);
        BlobDecoder.of(shape).decode(blob.rowBytes(), rows);
        for (int i = 6; i < 12; i++) {
            assertThat(rows.get(i)).isEqualTo(blob.row(i).data());
        }
    }

    @Test
    void fewerThanKRowsAreRefused() {
        BlobShape shape = new BlobShape(4, 12);
        EncodedBlob blob = BlobEncoder.of(shape).encode(Blobs.payload(random, 3000));
        assertThatThrownBy(() -> BlobDecoder.of(shape).decode(blob.rowBytes(), rows(blob, 5, 8)))
                .isInstanceOf(BlobDecodeException.class).hasMessage("cannot decode: 3 of 12 rows given, at least 4 needed");
        assertThatThrownBy(() -> BlobDecoder.of(shape).decode(blob.rowBytes(), Map.of()))
                .isInstanceOf(BlobDecodeException.class).hasMessageContaining("0 of 12 rows given");
    }

    @Test
    void rowsOfTheWrongSizeOrIndexAreRefused() {
        BlobShape shape = new BlobShape(4, 12);
        EncodedBlob blob = BlobEncoder.of(shape).encode(Blobs.payload(random, 3000));
        BlobDecoder decoder = BlobDecoder.of(shape);
        Map<Integer, byte[]> rows = rows(blob, 0, 5);
        rows.put(7, new byte[512]);
        assertThatThrownBy(() -> decoder.decode(blob.rowBytes(), rows)).isInstanceOf(BlobDecodeException.class)
                .hasMessage("row 7 has 512 bytes, not 1024");
        rows.put(7, null);
        assertThatThrownBy(() -> decoder.decode(blob.rowBytes(), rows)).hasMessage("row 7 has no bytes, not 1024");
        rows.remove(7);
        rows.put(12, blob.row(0).data());
        assertThatThrownBy(() -> decoder.decode(blob.rowBytes(), rows)).hasMessage("row 12 is past the 12 rows");
        rows.remove(12);
        assertThatThrownBy(() -> decoder.decode(768, rows)).isInstanceOf(BlobDecodeException.class)
                .hasMessageContaining("rows of 768 bytes are impossible in a 4 -> 12 blob");
        assertThatThrownBy(() -> decoder.decode(shape.maxRowBytes() * 2, rows)).isInstanceOf(BlobDecodeException.class);
    }

    /** Data rows whose prefix (or padding) no encoder writes: given as they are, and decoded from parity alone. */
    @Test
    void anImpossibleLengthPrefixIsRefused() {
        BlobShape shape = new BlobShape(4, 12);
        byte[] payload = Blobs.payload(random, 3000);
        int rowBytes = BlobEncoder.of(shape).encode(payload).rowBytes();
        assertThat(rowBytes).isEqualTo(1024);
        assertRefused(shape, payload, rowBytes, 0, "the length prefix says 0 bytes, outside 1 to 32505852");
        assertRefused(shape, payload, rowBytes, -1, "the length prefix says 4294967295 bytes, outside 1 to 32505852");
        assertRefused(shape, payload, rowBytes, BlobShape.MAX_PAYLOAD + 1, "says 32505853 bytes, outside");
        assertRefused(shape, payload, rowBytes, 2000, "the length prefix says 2000 bytes, whose rows are 512 bytes, not 1024");
        assertRefused(shape, payload, rowBytes, 4093, "the length prefix says 4093 bytes, whose rows are 2048 bytes, not 1024");
        assertRefused(shape, payload, rowBytes, 2500, "bytes after the 2500-byte payload are not zero");
    }

    private static void assertRefused(BlobShape shape, byte[] payload, int rowBytes, int prefix, String message) {
        byte[][] data = new byte[shape.dataRows()][rowBytes];
        for (int i = 0; i < 4; i++) {
            data[0][i] = (byte) (prefix >>> 8 * i);
        }
        for (int i = 0; i < payload.length; i++) {
            data[(i + 4) / rowBytes][(i + 4) % rowBytes] = payload[i];
        }
        byte[][] parity = ReedSolomon.of(shape.dataRows(), shape.totalRows()).encode(data);
        Map<Integer, byte[]> dataRows = new HashMap<>();
        Map<Integer, byte[]> parityRows = new HashMap<>();
        for (int i = 0; i < data.length; i++) {
            dataRows.put(i, data[i]);
        }
        for (int j = 0; j < parity.length; j++) {
            parityRows.put(shape.dataRows() + j, parity[j]);
        }
        BlobDecoder decoder = BlobDecoder.of(shape);
        for (Map<Integer, byte[]> rows : List.of(dataRows, parityRows)) {
            assertThatThrownBy(() -> decoder.decode(rowBytes, rows)).isInstanceOf(BlobDecodeException.class).hasMessageContaining(message);
        }
    }

    private static Map<Integer, byte[]> rows(EncodedBlob blob, int from, int to) {
        Map<Integer, byte[]> rows = new HashMap<>();
        for (int i = from; i < to; i++) {
            rows.put(i, blob.row(i).data());
        }
        return rows;
    }
}
