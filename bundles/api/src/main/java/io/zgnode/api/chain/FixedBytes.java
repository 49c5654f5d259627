package io.zgnode.api.chain;

import java.util.Arrays;
import java.util.HexFormat;

/** Fixed-length byte values (addresses, hashes): immutable, compared as unsigned bytes. */
abstract class FixedBytes {

    private static final HexFormat HEX = HexFormat.of();

    final byte[] bytes;

    FixedBytes(byte[] bytes, int length, String what) {
        if (bytes == null || bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, got " + (bytes == null ? "null" : bytes.length));
        }
        this.bytes = bytes.clone();
    }

    static byte[] parse(String hex, int length, String what) {
        if (hex == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (digits.length() != 2 * length) {
            throw new IllegalArgumentException(what + " must be " + (2 * length) + " hex digits: " + hex);
        }
        try {
            return HEX.parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not hex: " + hex, e);
        }
    }

    /** A copy of the bytes. */
    public byte[] toArray() {
        return bytes.clone();
    }

    /** 0x-prefixed lower-case hex. */
    @Override
    public String toString() {
        return "0x" + HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && Arrays.equals(bytes, ((FixedBytes) other).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    int compare(FixedBytes other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }
}
