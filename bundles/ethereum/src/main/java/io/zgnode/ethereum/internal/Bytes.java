package io.zgnode.ethereum.internal;

/** Small byte helpers shared by the codecs. */
public final class Bytes {
    /** The one empty array the decoders hand out: nobody can change an empty array. */
    public static final byte[] EMPTY = new byte[0];

    private Bytes() {
    }

    /** The minimal big-endian bytes of a non-negative long: empty for zero. */
    public static byte[] minimal(long value) {
        int length = (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
        byte[] out = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    /** The minimal big-endian bytes of a non-negative integer: empty for zero. */
    public static byte[] minimal(java.math.BigInteger value) {
        if (value.signum() == 0) {
            return EMPTY;
        }
        byte[] twos = value.toByteArray();
        return twos[0] == 0 ? java.util.Arrays.copyOfRange(twos, 1, twos.length) : twos;
    }
}
