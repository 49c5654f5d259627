package io.zgnode.da.blob;

import java.util.Map;

import io.zgnode.da.blob.internal.BlobLayout;
import io.zgnode.da.erasure.ReedSolomon;

/**
 * Gives a payload back from any k or more rows of its blob. The rows must be verified against the
 * data root first ({@link BlobRow#check}): the code corrects missing rows, not wrong ones.
 *
 * <p>The proofs show each row is in the committed matrix, not that the matrix is a codeword: a
 * disperser could commit parity that does not match its data rows, and then different sets of rows
 * would decode to different payloads. A caller that must rule this out encodes the payload again and
 * compares the data root.
 *
 * <p>Immutable and thread-safe; decodes on up to {@link #withThreads(int) threads}, by default as many
 * as the machine has cores.
 */
public final class BlobDecoder {
    private final BlobShape shape;
    private final ReedSolomon code;

    private BlobDecoder(BlobShape shape, ReedSolomon code) {
        this.shape = shape;
        this.code = code;
    }

    public static BlobDecoder of(BlobShape shape) {
        return new BlobDecoder(shape, ReedSolomon.of(shape.dataRows(), shape.totalRows()));
    }

    /** The same decoder, working on at most {@code threads} threads (1: only the caller's). */
    public BlobDecoder withThreads(int threads) {
        return new BlobDecoder(shape, code.withThreads(threads));
    }

    public BlobShape shape() {
        return shape;
    }

    /**
     * The payload of the blob whose rows of {@code rowBytes} bytes are given (row index -> bytes; the
     * arrays are read, not changed).
     *
     * @throws BlobDecodeException if fewer than k rows are given, a row index is out of range, a row's
     *                             length is not {@code rowBytes}, {@code rowBytes} is no row size of the
     *                             shape, or the decoded rows are not a blob (an impossible length
     *                             prefix, non-zero bytes after the payload)
     */
    public byte[] decode(int rowBytes, Map<Integer, byte[]> rows) throws BlobDecodeException {
        if (!shape.isRowBytes(rowBytes)) {
            throw new BlobDecodeException("rows of " + rowBytes + " bytes are impossible in a " + shape.describe()
                    + " blob: a row is 256 B times a power of two, at most " + shape.maxRowBytes() + " B");
        }
        byte[][] shards = new byte[shape.totalRows()][];
        for (Map.Entry<Integer, byte[]> entry : rows.entrySet()) {
            int index = entry.getKey();
            if (index < 0 || index >= shape.totalRows()) {
                throw new BlobDecodeException("row " + index + " is past the " + shape.totalRows() + " rows");
            }
            byte[] row = entry.getValue();
            if (row == null || row.length != rowBytes) {
                throw new BlobDecodeException("row " + index + " has " + (row == null ? "no" : row.length) + " bytes, not " + rowBytes);
            }
            shards[index] = row;
        }
        if (rows.size() < shape.dataRows()) {
            throw new BlobDecodeException("cannot decode: " + rows.size() + " of " + shape.totalRows() + " rows given, at least "
                    + shape.dataRows() + " needed");
        }
        byte[][] data = code.decode(shards);
        int length = BlobLayout.lengthPrefix(data[0]);
        if (length < 1 || length > BlobShape.MAX_PAYLOAD) {
            throw new BlobDecodeException("the length prefix says " + Integer.toUnsignedString(length) + " bytes, outside 1 to "
                    + BlobShape.MAX_PAYLOAD + ": the rows are not of one blob");
        }
        if (shape.rowBytes(length) != rowBytes) {
            throw new BlobDecodeException("the length prefix says " + length + " bytes, whose rows are " + shape.rowBytes(length)
                    + " bytes, not " + rowBytes + ": the rows are not of one blob");
        }
        if (!BlobLayout.zeroAfterPayload(data, rowBytes, length)) {
            throw new BlobDecodeException("bytes after the " + length + "-byte payload are not zero: the rows are not of one blob");
        }
        return BlobLayout.payload(data, rowBytes, length);
    }

    @Override
    public String toString() {
        return "BlobDecoder[" + shape.describe() + "]";
    }
}
