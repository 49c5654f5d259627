package io.zgnode.ethereum.internal;

import io.zgnode.api.chain.Address;
import io.zgnode.ethereum.AbiType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Solidity ABI encoding of generic values (see {@link io.zgnode.ethereum.Abi}). Two passes:
 * the first checks every value and sums the size, the second writes into one array of exactly
 * that size, tails after heads, so nothing is copied twice.
 */
public final class AbiEncoder {
    private static final int WORD = 32;

    private AbiEncoder() {
    }

    /** {@code prefix || enc(value)}: the prefix is a selector or empty. */
    public static byte[] encode(byte[] prefix, AbiType type, Object value) {
        int size;
        try {
            size = Math.addExact(prefix.length, size(type, value));
        } catch (ValueError e) {
            throw new IllegalArgumentException(e.describe("invalid ABI value for " + abbreviate(type)));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("ABI encoding of " + abbreviate(type) + " exceeds 2 GiB");
        }
        byte[] out = new byte[size];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        write(type, value, out, prefix.length);
        return out;
    }

    /** The encoded size of {@code value}, after checking it fits {@code type}. */
    private static int size(AbiType type, Object value) {
        if (value == null) {
            throw new ValueError("null for " + type);
        }
        switch (type.kind()) {
            case UINT:
            case INT:
                checkRange(type, integer(value, type));
                return WORD;
            case BOOL:
                cast(value, Boolean.class, type);
                return WORD;
            case ADDRESS:
                cast(value, Address.class, type);
                return WORD;
            case FIXED_BYTES: {
                byte[] bytes = cast(value, byte[].class, type);
                if (bytes.length != type.length()) {
                    throw new ValueError(type + " needs " + type.length() + " bytes, got " + bytes.length);
                }
                return WORD;
            }
            case BYTES:
                return Math.addExact(WORD, padded(cast(value, byte[].class, type).length));
            case STRING:
                return Math.addExact(WORD, padded(utf8(cast(value, String.class, type)).length));
            case ARRAY: {
                List<?> elements = cast(value, List.class, type);
                return Math.addExact(WORD, sequenceSize(type.elementType(), elements));
            }
            case FIXED_ARRAY: {
                List<?> elements = cast(value, List.class, type);
                if (elements.size() != type.length()) {
                    throw new ValueError(type + " needs " + type.length() + " elements, got " + elements.size());
                }
                return sequenceSize(type.elementType(), elements);
            }
            case TUPLE: {
                List<?> values = cast(value, List.class, type);
                List<AbiType> components = type.components();
                if (values.size() != components.size()) {
                    throw new ValueError(abbreviate(type) + " needs " + components.size() + " components, got " + values.size());
                }
                int total = 0;
                for (int i = 0; i < components.size(); i++) {
                    total = Math.addExact(total, inTupleSize(components.get(i), values.get(i), i));
                }
                return total;
            }
            default:
                throw new AssertionError(type.kind());
        }
    }

    private static int sequenceSize(AbiType element, List<?> values) {
        int total = 0;
        for (int i = 0; i < values.size(); i++) {
            total = Math.addExact(total, inTupleSize(element, values.get(i), i));
        }
        return total;
    }

    /** What a component adds to its tuple: its static size, or the offset word and its tail. */
    private static int inTupleSize(AbiType type, Object value, int index) {
        try {
            int size = size(type, value);
            return type.isDynamic() ? Math.addExact(WORD, size) : size;
        } catch (ValueError e) {
            throw e.at(index);
        }
    }

    /** Writes enc(value) at {@code at}; returns where it ends. Values were checked by {@link #size}. */
    private static int write(AbiType type, Object value, byte[] out, int at) {
        switch (type.kind()) {
            case UINT:
            case INT:
                writeInteger(integer(value, type), out, at);
                return at + WORD;
            case BOOL:
                out[at + WORD - 1] = (byte) ((Boolean) value ? 1 : 0);
                return at + WORD;
            case ADDRESS: {
                byte[] address = ((Address) value).toArray();
                System.arraycopy(address, 0, out, at + WORD - address.length, address.length);
                return at + WORD;
            }
            case FIXED_BYTES: {
                byte[] bytes = (byte[]) value;
                System.arraycopy(bytes, 0, out, at, bytes.length);
                return at + WORD;
            }
            case BYTES:
                return writeBytes((byte[]) value, out, at);
            case STRING:
                return writeBytes(utf8((String) value), out, at);
            case ARRAY: {
                List<?> elements = (List<?>) value;
                writeInteger(BigInteger.valueOf(elements.size()), out, at);
                return writeSequence(elements.size(), i -> type.elementType(), elements, out, at + WORD);
            }
            case FIXED_ARRAY:
                return writeSequence(type.length(), i -> type.elementType(), (List<?>) value, out, at);
            case TUPLE:
                return writeSequence(type.components().size(), type.components()::get, (List<?>) value, out, at);
            default:
                throw new AssertionError(type.kind());
        }
    }

    /** Heads in order from {@code base}, each dynamic value's tail after all heads, offsets relative to {@code base}. */
    private static int writeSequence(int count, java.util.function.IntFunction<AbiType> types, List<?> values, byte[] out, int base) {
        int headSize = 0;
        for (int i = 0; i < count; i++) {
            headSize += types.apply(i).headSize();
        }
        int head = base;
        int tail = base + headSize;
        for (int i = 0; i < count; i++) {
            AbiType type = types.apply(i);
            if (type.isDynamic()) {
                writeInteger(BigInteger.valueOf(tail - base), out, head);
                tail = write(type, values.get(i), out, tail);
                head += WORD;
            } else {
                head = write(type, values.get(i), out, head);
            }
        }
        return tail;
    }

    private static int writeBytes(byte[] bytes, byte[] out, int at) {
        writeInteger(BigInteger.valueOf(bytes.length), out, at);
        System.arraycopy(bytes, 0, out, at + WORD, bytes.length);
        return at + WORD + padded(bytes.length);
    }

    /** Two's complement, sign-extended to 32 bytes. */
    private static void writeInteger(BigInteger value, byte[] out, int at) {
        byte[] twos = value.toByteArray();
        int length = Math.min(twos.length, WORD);
        if (value.signum() < 0) {
            java.util.Arrays.fill(out, at, at + WORD - length, (byte) 0xff);
        }
        System.arraycopy(twos, twos.length - length, out, at + WORD - length, length);
    }

    /** Integers come as BigInteger, or as the smaller boxed integer types for convenience. */
    static BigInteger integer(Object value, AbiType type) {
        if (value instanceof BigInteger big) {
            return big;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        throw new ValueError("expected an integer (BigInteger, Long or Integer) for " + type + ", got " + describe(value));
    }

    static void checkRange(AbiType type, BigInteger value) {
        boolean fits = type.kind() == AbiType.Kind.UINT
                ? value.signum() >= 0 && value.bitLength() <= type.bits()
                : value.bitLength() < type.bits();
        if (!fits) {
            throw new ValueError(abbreviateNumber(value) + " is out of range for " + type);
        }
    }

    private static <T> T cast(Object value, Class<T> expected, AbiType type) {
        if (!expected.isInstance(value)) {
            String name = expected == byte[].class ? "byte[]" : expected.getSimpleName();
            throw new ValueError("expected " + name + " for " + abbreviate(type) + ", got " + describe(value));
        }
        return expected.cast(value);
    }

    /** Strict UTF-8: a string with an unpaired surrogate has no UTF-8 encoding. */
    static byte[] utf8(String text) {
        try {
            ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new ValueError("string has an unpaired surrogate, so no UTF-8 encoding");
        }
    }

    static int padded(int length) {
        return Math.addExact(length, 31) & ~31;
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List) {
            return "List"; // not java.util.ImmutableCollections$List12
        }
        Class<?> type = value.getClass();
        return type.isArray() ? type.getComponentType().getSimpleName() + "[]" : type.getName();
    }

    private static String abbreviateNumber(BigInteger value) {
        String text = value.toString();
        return text.length() <= 40 ? text : "0x" + value.toString(16);
    }

    static String abbreviate(AbiType type) {
        String text = type.toString();
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
