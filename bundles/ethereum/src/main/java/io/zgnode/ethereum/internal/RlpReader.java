package io.zgnode.ethereum.internal;

import io.zgnode.ethereum.RlpException;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Walks the items of an RLP sequence in place, without copying: each {@link #next()} checks one
 * item's header for canonical form and leaves its bounds readable. Transaction decoding reads its
 * fields this way, allocating only the values it keeps. One reader per thread and sequence.
 */
public final class RlpReader {
    private static final int SHORT_LIMIT = 55;

    private final byte[] data;
    private final int end;
    private int position;

    private boolean list;
    private int itemStart;
    private int payloadStart;
    private int payloadEnd;

    /** A reader of the items in {@code data[from, to)}. */
    public RlpReader(byte[] data, int from, int to) {
        this.data = data;
        this.position = from;
        this.end = to;
    }

    /**
     * A reader of the payload of the one list that spans exactly {@code data[from, to)}.
     *
     * @param what names the list in error messages ("transaction")
     */
    public static RlpReader ofList(byte[] data, int from, int to, String what) {
        RlpReader outer = new RlpReader(data, from, to);
        if (!outer.hasNext()) {
            throw new RlpException(what + " is empty");
        }
        outer.next();
        if (!outer.isList()) {
            throw new RlpException(what + " is not a list");
        }
        if (outer.hasNext()) {
            throw new RlpException((to - outer.itemEnd()) + " trailing bytes after the " + what);
        }
        return outer.enterList();
    }

    /** Where the next item starts. */
    public int position() {
        return position;
    }

    public boolean hasNext() {
        return position < end;
    }

    /** Counts the items left without moving: a header scan, used to report a wrong field count. */
    public int remainingItems() {
        RlpReader scan = new RlpReader(data, position, end);
        int count = 0;
        while (scan.hasNext()) {
            scan.next();
            count++;
        }
        return count;
    }

    /** Moves to the next item, checking that its header is canonical and that it fits. */
    public RlpReader next() {
        if (position >= end) {
            throw new RlpException("unexpected end of input");
        }
        itemStart = position;
        int prefix = data[position] & 0xff;
        int length;
        int headerLength;
        if (prefix < 0x80) {
            list = false;
            headerLength = 0;
            length = 1;
        } else if (prefix <= 0xb7) {
            list = false;
            headerLength = 1;
            length = prefix - 0x80;
        } else if (prefix < 0xc0) {
            list = false;
            headerLength = 1 + (prefix - 0xb7);
            length = longLength(prefix - 0xb7);
        } else if (prefix <= 0xf7) {
            list = true;
            headerLength = 1;
            length = prefix - 0xc0;
        } else {
            list = true;
            headerLength = 1 + (prefix - 0xf7);
            length = longLength(prefix - 0xf7);
        }
        payloadStart = itemStart + headerLength;
        if (length > end - payloadStart) {
            throw new RlpException("item of " + length + " bytes at offset " + itemStart + " exceeds the "
                    + Math.max(0, end - payloadStart) + " bytes left");
        }
        payloadEnd = payloadStart + length;
        if (!list && length == 1 && headerLength == 1 && (data[payloadStart] & 0xff) < 0x80) {
            throw new RlpException("single byte below 0x80 at offset " + itemStart + " must be encoded as itself");
        }
        position = payloadEnd;
        return this;
    }

    /** The length written in {@code count} bytes after the prefix: minimal, and too long for the short form. */
    private int longLength(int count) {
        int from = itemStart + 1;
        if (count > end - from) {
            throw new RlpException("length of the item at offset " + itemStart + " is cut off");
        }
        if (data[from] == 0) {
            throw new RlpException("length of the item at offset " + itemStart + " has leading zero bytes");
        }
        long length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (data[from + i] & 0xff);
            if (length > Integer.MAX_VALUE) {
                throw new RlpException("item at offset " + itemStart + " is longer than the input");
            }
        }
        if (length <= SHORT_LIMIT) {
            throw new RlpException("item of " + length + " bytes at offset " + itemStart + " uses the long form");
        }
        return (int) length;
    }

    public boolean isList() {
        return list;
    }

    public int itemStart() {
        return itemStart;
    }

    public int itemEnd() {
        return payloadEnd;
    }

    public int payloadStart() {
        return payloadStart;
    }

    public int payloadLength() {
        return payloadEnd - payloadStart;
    }

    public byte[] data() {
        return data;
    }

    /** A reader of the current item's items. */
    public RlpReader enterList() {
        if (!list) {
            throw new RlpException("expected a list at offset " + itemStart + ", found a string");
        }
        return new RlpReader(data, payloadStart, payloadEnd);
    }

    /** Moves to the next item and enters it; it must be a list. */
    public RlpReader nextList(String what) {
        next();
        if (!list) {
            throw new RlpException(what + " must be a list, found a string");
        }
        return new RlpReader(data, payloadStart, payloadEnd);
    }

    /** Moves to the next item, which must be a string. */
    public RlpReader nextString(String what) {
        next();
        if (list) {
            throw new RlpException(what + " must be a string, found a list");
        }
        return this;
    }

    /** A copy of the current string's bytes. */
    public byte[] bytes() {
        requireString();
        return payloadLength() == 0 ? Bytes.EMPTY : Arrays.copyOfRange(data, payloadStart, payloadEnd);
    }

    /** The next string, which must be exactly {@code length} bytes long. */
    public byte[] nextBytes(String what, int length) {
        nextString(what);
        if (payloadLength() != length) {
            throw new RlpException(what + " must be " + length + " bytes, found " + payloadLength());
        }
        return bytes();
    }

    /** The next item as a canonical unsigned integer of at most 63 bits. */
    public long nextLong(String what) {
        nextString(what);
        return longValue(what);
    }

    /** The next item as a canonical unsigned integer of at most {@code maxBytes} bytes. */
    public BigInteger nextBigInteger(String what, int maxBytes) {
        nextString(what);
        return bigIntegerValue(what, maxBytes);
    }

    /**
     * The current string as a canonical unsigned integer of at most 63 bits.
     *
     * @throws RlpException if it is a list or not canonical
     * @throws OutOfRangeException if it is larger
     */
    public long longValue(String what) {
        requireCanonicalInteger(what);
        int length = payloadLength();
        if (length > 8 || (length == 8 && data[payloadStart] < 0)) {
            throw new OutOfRangeException(what + " does not fit in 63 bits");
        }
        long value = 0;
        for (int i = payloadStart; i < payloadEnd; i++) {
            value = (value << 8) | (data[i] & 0xff);
        }
        return value;
    }

    /**
     * The current string as a canonical unsigned integer of at most {@code maxBytes} bytes.
     *
     * @throws RlpException if it is a list or not canonical
     * @throws OutOfRangeException if it is larger
     */
    public BigInteger bigIntegerValue(String what, int maxBytes) {
        requireCanonicalInteger(what);
        if (payloadLength() > maxBytes) {
            throw new OutOfRangeException(what + " does not fit in " + (8 * maxBytes) + " bits");
        }
        return payloadLength() == 0 ? BigInteger.ZERO : new BigInteger(1, data, payloadStart, payloadLength());
    }

    /** Integers are minimal big-endian: zero is the empty string, anything else has no leading zero byte. */
    private void requireCanonicalInteger(String what) {
        requireString();
        if (payloadLength() > 0 && data[payloadStart] == 0) {
            throw new RlpException(what + " has leading zero bytes");
        }
    }

    private void requireString() {
        if (list) {
            throw new RlpException("expected a string at offset " + itemStart + ", found a list");
        }
    }
}
