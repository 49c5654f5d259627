package io.zgnode.da.blob;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Test data: payloads, the encoded matrix as one file, random sets of rows. */
final class Blobs {

    private Blobs() {
    }

    static byte[] payload(Random random, int length) {
        byte[] payload = new byte[length];
        random.nextBytes(payload);
        return payload;
    }

    /** Rows 0 .. n-1 one after another: the file the data root is the storage root of. */
    static byte[] matrix(EncodedBlob blob) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < blob.shape().totalRows(); i++) {
            out.writeBytes(blob.row(i).data());
        }
        return out.toByteArray();
    }

    /** {@code count} distinct row indices of {@code totalRows}, in random order. */
    static List<Integer> randomRows(Random random, int totalRows, int count) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < totalRows; i++) {
            rows.add(i);
        }
        Collections.shuffle(rows, random);
        return rows.subList(0, count);
    }
}
