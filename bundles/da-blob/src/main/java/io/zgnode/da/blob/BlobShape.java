package io.zgnode.da.blob;

import io.zgnode.da.erasure.ReedSolomon;

/**
 * How a blob is cut and extended: {@code dataRows} (k) rows hold the blob, the code extends them to
 * {@code totalRows} (n), and any k of the n rows give the blob back.
 *
 * <p>A blob is the payload's length (4 bytes, little-endian), the payload, and zeros up to k rows. A
 * row is the smallest 256 B x 2<sup>r</sup> that makes k rows hold it ({@link #rowBytes(int)}), so
 * each row is a whole power-of-two run of chunks of the storage Merkle tree over the encoded matrix,
 * and its proof a plain Merkle path.
 *
 * @param dataRows  k, at least 1
 * @param totalRows n, above k and at most 65536 (the code's field has that many points)
 */
public record BlobShape(int dataRows, int totalRows) {
    /** The largest payload, in bytes: 0G's, 1024 rows of 31,744 bytes less the length prefix. */
    public static final int MAX_PAYLOAD = 32_505_852;
    /** 0G's shape: 1024 data rows extended to 3072 (rate 1/3). */
    public static final BlobShape ZG = new BlobShape(1024, 3072);

    private static final int MIN_ROW_BYTES = 256;
    private static final int LENGTH_PREFIX = Integer.BYTES;

    public BlobShape {
        if (dataRows < 1 || totalRows <= dataRows || totalRows > ReedSolomon.MAX_SHARDS) {
            throw new IllegalArgumentException("a blob shape needs 1 <= data rows < total rows <= " + ReedSolomon.MAX_SHARDS
                    + ", not " + dataRows + " -> " + totalRows);
        }
    }

    public int parityRows() {
        return totalRows - dataRows;
    }

    /**
     * The row size of a payload of {@code payloadLength} bytes: the smallest 256 B x 2<sup>r</sup>
     * (r >= 0) such that k rows hold the payload and its 4-byte length.
     *
     * @throws IllegalArgumentException unless {@code 1 <= payloadLength <= MAX_PAYLOAD}
     */
    public int rowBytes(int payloadLength) {
        if (payloadLength < 1 || payloadLength > MAX_PAYLOAD) {
            throw new IllegalArgumentException("a blob payload is 1 to " + MAX_PAYLOAD + " bytes, not " + payloadLength);
        }
        int perRow = (int) ((payloadLength + (long) LENGTH_PREFIX + dataRows - 1) / dataRows);
        return Math.max(MIN_ROW_BYTES, perRow == 1 ? 1 : Integer.highestOneBit(perRow - 1) << 1);
    }

    /** The row size of the largest payload: no row of this shape is larger. */
    public int maxRowBytes() {
        return rowBytes(MAX_PAYLOAD);
    }

    /** True if some payload has rows of {@code rowBytes} bytes: 256 B x 2<sup>r</sup>, at most {@link #maxRowBytes()}. */
    public boolean isRowBytes(int rowBytes) {
        return rowBytes >= MIN_ROW_BYTES && Integer.bitCount(rowBytes) == 1 && rowBytes <= maxRowBytes();
    }

    /** "1024 -> 3072", as messages name a shape. */
    String describe() {
        return dataRows + " -> " + totalRows;
    }
}
