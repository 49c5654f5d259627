package io.zgnode.ethereum;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.ethereum.internal.Bytes;
import io.zgnode.ethereum.internal.RlpReader;
import io.zgnode.ethereum.internal.RlpWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One RLP item: a byte string or a list of items. Immutable; built with the {@code of} and
 * {@code list} factories and written with {@link #encode()}, or read from untrusted bytes with
 * {@link #decode(byte[])}, which accepts only the canonical encoding (the one {@link #encode()}
 * writes), so that decoding and re-encoding always give back the input.
 *
 * <p>Integers are unsigned and minimal big-endian: zero is the empty string. The {@code as}
 * readers check that form and throw {@link RlpException} for anything else.
 */
public final class RlpItem {
    /** Lists nested deeper than this are refused: decoding recurses, and input can be hostile. */
    public static final int MAX_DEPTH = 64;

    private static final RlpItem EMPTY_STRING = new RlpItem(Bytes.EMPTY, null);

    private final byte[] bytes;
    private final List<RlpItem> items;

    private RlpItem(byte[] bytes, List<RlpItem> items) {
        this.bytes = bytes;
        this.items = items;
    }

    /** The byte string {@code bytes}. */
    public static RlpItem of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY_STRING : new RlpItem(bytes.clone(), null);
    }

    /** A non-negative integer, minimal big-endian. */
    public static RlpItem of(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("RLP integers are unsigned, got " + value);
        }
        return new RlpItem(Bytes.minimal(value), null);
    }

    /** A non-negative integer, minimal big-endian. */
    public static RlpItem of(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("RLP integers are unsigned, got " + value);
        }
        return new RlpItem(Bytes.minimal(value), null);
    }

    /** The address's 20 bytes. */
    public static RlpItem of(Address address) {
        return new RlpItem(address.toArray(), null);
    }

    /** The hash's 32 bytes. */
    public static RlpItem of(Hash hash) {
        return new RlpItem(hash.toArray(), null);
    }

    public static RlpItem list(RlpItem... items) {
        return list(Arrays.asList(items));
    }

    public static RlpItem list(List<RlpItem> items) {
        return new RlpItem(null, List.copyOf(items));
    }

    /**
     * The item {@code encoded} holds, which must be exactly one canonical item.
     *
     * @throws RlpException if it is not
     */
    public static RlpItem decode(byte[] encoded) {
        RlpReader reader = new RlpReader(encoded, 0, encoded.length);
        if (!reader.hasNext()) {
            throw new RlpException("no input");
        }
        RlpItem item = read(reader.next(), 1);
        if (reader.hasNext()) {
            throw new RlpException((encoded.length - reader.itemEnd()) + " trailing bytes after the item");
        }
        return item;
    }

    private static RlpItem read(RlpReader reader, int depth) {
        if (!reader.isList()) {
            return reader.payloadLength() == 0 ? EMPTY_STRING : new RlpItem(reader.bytes(), null);
        }
        if (depth > MAX_DEPTH) {
            throw new RlpException("lists nested deeper than " + MAX_DEPTH);
        }
        RlpReader inner = reader.enterList();
        List<RlpItem> items = new ArrayList<>();
        while (inner.hasNext()) {
            items.add(read(inner.next(), depth + 1));
        }
        return new RlpItem(null, List.copyOf(items));
    }

    /** The canonical encoding. */
    public byte[] encode() {
        if (bytes != null) {
            return RlpWriter.string(bytes);
        }
        List<byte[]> encoded = new ArrayList<>(items.size());
        for (RlpItem item : items) {
            encoded.add(item.encode());
        }
        return RlpWriter.list(encoded);
    }

    public boolean isList() {
        return items != null;
    }

    /**
     * A copy of the string's bytes.
     *
     * @throws RlpException if this is a list
     */
    public byte[] bytes() {
        requireString();
        return bytes.clone();
    }

    /**
     * The list's items.
     *
     * @throws RlpException if this is a string
     */
    public List<RlpItem> items() {
        if (items == null) {
            throw new RlpException("expected a list, found a string");
        }
        return items;
    }

    /**
     * The string as an unsigned integer of at most 63 bits.
     *
     * @throws RlpException if this is a list, has leading zero bytes, or is too large
     */
    public long asLong() {
        requireCanonicalInteger();
        if (bytes.length > 8 || (bytes.length == 8 && bytes[0] < 0)) {
            throw new RlpException("integer does not fit in 63 bits");
        }
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xff);
        }
        return value;
    }

    /**
     * The string as an unsigned integer.
     *
     * @throws RlpException if this is a list or has leading zero bytes
     */
    public BigInteger asBigInteger() {
        requireCanonicalInteger();
        return new BigInteger(1, bytes);
    }

    /**
     * The string as an address.
     *
     * @throws RlpException if this is a list or not 20 bytes
     */
    public Address asAddress() {
        return Address.of(fixed(Address.LENGTH, "an address"));
    }

    /**
     * The string as a hash.
     *
     * @throws RlpException if this is a list or not 32 bytes
     */
    public Hash asHash() {
        return Hash.of(fixed(Hash.LENGTH, "a hash"));
    }

    private byte[] fixed(int length, String what) {
        requireString();
        if (bytes.length != length) {
            throw new RlpException(what + " must be " + length + " bytes, found " + bytes.length);
        }
        return bytes;
    }

    private void requireCanonicalInteger() {
        requireString();
        if (bytes.length > 0 && bytes[0] == 0) {
            throw new RlpException("integer has leading zero bytes");
        }
    }

    private void requireString() {
        if (bytes == null) {
            throw new RlpException("expected a string, found a list");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RlpItem that && Arrays.equals(bytes, that.bytes) && Objects.equals(items, that.items);
    }

    @Override
    public int hashCode() {
        return bytes != null ? Arrays.hashCode(bytes) : items.hashCode();
    }

    /** Strings as 0x-hex, lists in brackets: {@code [0x01, [], 0x]}. */
    @Override
    public String toString() {
        return bytes != null ? "0x" + HexFormat.of().formatHex(bytes) : items.toString();
    }
}
