package io.zgnode.ethereum.internal;

import java.math.BigInteger;
import java.util.List;

/** RLP encoding of strings, integers and lists of already encoded items. */
public final class RlpWriter {
    private static final int SHORT_LIMIT = 55;

    private RlpWriter() {
    }

    public static byte[] string(byte[] bytes) {
        if (bytes.length == 1 && (bytes[0] & 0xff) < 0x80) {
            return new byte[] {bytes[0]};
        }
        byte[] out = new byte[headerLength(bytes.length) + bytes.length];
        int at = writeHeader(out, 0, 0x80, bytes.length);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return out;
    }

    /** A non-negative integer, minimal big-endian. */
    public static byte[] integer(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("RLP integers are unsigned, got " + value);
        }
        return string(Bytes.minimal(value));
    }

    /** A non-negative integer, minimal big-endian. */
    public static byte[] integer(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("RLP integers are unsigned, got " + value);
        }
        return string(Bytes.minimal(value));
    }

    /** The list of these encoded items. */
    public static byte[] list(List<byte[]> encodedItems) {
        int payload = 0;
        for (byte[] item : encodedItems) {
            payload = Math.addExact(payload, item.length);
        }
        byte[] out = new byte[Math.addExact(headerLength(payload), payload)];
        int at = writeHeader(out, 0, 0xc0, payload);
        for (byte[] item : encodedItems) {
            System.arraycopy(item, 0, out, at, item.length);
            at += item.length;
        }
        return out;
    }

    public static byte[] list(byte[]... encodedItems) {
        return list(List.of(encodedItems));
    }

    /** The header of a list with a payload of {@code payloadLength} bytes. */
    public static byte[] listHeader(int payloadLength) {
        byte[] out = new byte[headerLength(payloadLength)];
        writeHeader(out, 0, 0xc0, payloadLength);
        return out;
    }

    /** The header's length for a payload of this length (not for a single byte below 0x80). */
    public static int headerLength(int payloadLength) {
        return payloadLength <= SHORT_LIMIT ? 1 : 1 + Bytes.minimal(payloadLength).length;
    }

    /** Writes a header with {@code base} 0x80 (string) or 0xc0 (list); returns where the payload starts. */
    private static int writeHeader(byte[] out, int at, int base, int payloadLength) {
        if (payloadLength <= SHORT_LIMIT) {
            out[at] = (byte) (base + payloadLength);
            return at + 1;
        }
        byte[] length = Bytes.minimal(payloadLength);
        out[at] = (byte) (base + SHORT_LIMIT + length.length);
        System.arraycopy(length, 0, out, at + 1, length.length);
        return at + 1 + length.length;
    }
}
