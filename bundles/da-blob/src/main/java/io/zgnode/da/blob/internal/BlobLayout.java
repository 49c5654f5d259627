package io.zgnode.da.blob.internal;

/**
 * The bytes of a blob in its data rows: the payload's length as 4 bytes little-endian, the payload,
 * then zeros to the end of the last data row. Row j holds blob bytes {@code [j R, (j+1) R)}.
 */
public final class BlobLayout {
    public static final int LENGTH_PREFIX = Integer.BYTES;

    private BlobLayout() {
    }

    /** The rows holding blob bytes; the data rows after them are zero. */
    public static int filledRows(int payloadLength, int rowBytes) {
        return (int) ((payloadLength + (long) LENGTH_PREFIX + rowBytes - 1) / rowBytes);
    }

    /** The {@code dataRows} rows of {@code rowBytes} bytes that hold {@code payload}, new arrays. */
    public static byte[][] dataRows(byte[] payload, int dataRows, int rowBytes) {
        byte[][] rows = new byte[dataRows][rowBytes];
        byte[] first = rows[0];
        int length = payload.length;
        first[0] = (byte) length;
        first[1] = (byte) (length >>> 8);
        first[2] = (byte) (length >>> 16);
        first[3] = (byte) (length >>> 24);
        int filled = filledRows(length, rowBytes);
        for (int row = 0; row < filled; row++) {
            long blobStart = (long) row * rowBytes;
            int into = row == 0 ? LENGTH_PREFIX : 0;
            int from = (int) (blobStart + into - LENGTH_PREFIX);
            System.arraycopy(payload, from, rows[row], into, Math.min(rowBytes - into, length - from));
        }
        return rows;
    }

    /** The length the first data row's prefix gives; may be negative or anything else if the rows are not of one blob. */
    public static int lengthPrefix(byte[] firstRow) {
        return (firstRow[0] & 0xff) | (firstRow[1] & 0xff) << 8 | (firstRow[2] & 0xff) << 16 | (firstRow[3] & 0xff) << 24;
    }

    /** The payload of {@code payloadLength} bytes the data rows hold (which must hold that much). */
    public static byte[] payload(byte[][] dataRows, int rowBytes, int payloadLength) {
        byte[] payload = new byte[payloadLength];
        int filled = filledRows(payloadLength, rowBytes);
        for (int row = 0; row < filled; row++) {
            long blobStart = (long) row * rowBytes;
            int from = row == 0 ? LENGTH_PREFIX : 0;
            int into = (int) (blobStart + from - LENGTH_PREFIX);
            System.arraycopy(dataRows[row], from, payload, into, Math.min(rowBytes - from, payloadLength - into));
        }
        return payload;
    }

    /** True if every data row byte after the payload is zero, as an encoder leaves it. */
    public static boolean zeroAfterPayload(byte[][] dataRows, int rowBytes, int payloadLength) {
        long end = LENGTH_PREFIX + (long) payloadLength;
        for (int row = (int) (end / rowBytes); row < dataRows.length; row++) {
            byte[] bytes = dataRows[row];
            for (int i = row == end / rowBytes ? (int) (end % rowBytes) : 0; i < rowBytes; i++) {
                if (bytes[i] != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
