package io.zgnode.da.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The largest payload at 0G's shape: 3072 rows of 32 KiB (96 MiB), encoded and decoded from a third of them. */
class MaxPayloadTest {

    @Test
    void theLargestPayloadEncodesAndDecodes() throws BlobDecodeException {
        Random random = new Random(32);
        byte[] payload = Blobs.payload(random, BlobShape.MAX_PAYLOAD);
        EncodedBlob blob = BlobEncoder.of(BlobShape.ZG).encode(payload);
        assertThat(blob.rowBytes()).isEqualTo(32_768);
        for (int index : new int[] {0, 1023, 1024, 3071}) {
            assertThat(blob.row(index).check(blob.dataRoot(), BlobShape.ZG)).as("row %d", index).isEmpty();
        }
        Map<Integer, byte[]> rows = new HashMap<>();
        for (int index : Blobs.randomRows(random, 3072, 1024)) {
            rows.put(index, blob.row(index).data());
        }
        assertThat(BlobDecoder.of(BlobShape.ZG).decode(blob.rowBytes(), rows)).isEqualTo(payload);
    }
}
