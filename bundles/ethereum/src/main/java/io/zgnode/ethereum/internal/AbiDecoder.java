package io.zgnode.ethereum.internal;

import io.zgnode.api.chain.Address;
import io.zgnode.ethereum.AbiException;
import io.zgnode.ethereum.AbiType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Strict decoding of untrusted ABI data into generic values. It rejects what Solidity's decoder
 * (ABI coder v2) rejects: values with dirty high-order bytes, bools other than 0 and 1, offsets
 * and lengths pointing past the data. Like Solidity it ignores data after the last value and the
 * padding after bytes and strings, and it accepts offsets that are not where an encoder would
 * put the tail.
 *
 * <p>Two additions: strings must be valid UTF-8 (Java strings cannot carry anything else), and a
 * budget of words read, twice the words in the data, stops inputs whose offsets point many
 * values at the same content: such data could otherwise make a few kilobytes decode into
 * gigabytes. Canonical encodings read every word once.
 */
public final class AbiDecoder {
    private static final int WORD = 32;

    private final byte[] data;
    private final int end;
    private long budget;

    private AbiDecoder(byte[] data, int from, int to) {
        this.data = data;
        this.end = to;
        this.budget = 2L * ((to - from) / WORD) + 16;
    }

    /** Decodes enc(value) of {@code type} found at {@code data[from]}, within {@code data[from, to)}. */
    public static Object decode(AbiType type, byte[] data, int from, int to) {
        java.util.Objects.checkFromToIndex(from, to, data.length);
        try {
            return new AbiDecoder(data, from, to).decodeAt(type, from);
        } catch (ValueError e) {
            throw new AbiException(e.describe("malformed ABI data for " + AbiEncoder.abbreviate(type)));
        }
    }

    /** Decodes one 32-byte topic word as a value type (an indexed event parameter). */
    public static Object decodeWord(AbiType type, byte[] word) {
        return decode(type, word, 0, word.length);
    }

    private Object decodeAt(AbiType type, int at) {
        switch (type.kind()) {
            case UINT:
                return unsigned(type, at);
            case INT:
                return signed(type, at);
            case BOOL:
                return bool(at);
            case ADDRESS:
                return address(at);
            case FIXED_BYTES:
                return fixedBytes(type, at);
            case BYTES:
                return bytes(at, "bytes");
            case STRING:
                return utf8(bytes(at, "string"));
            case ARRAY: {
                int length = length(at, type);
                return sequence(length, i -> type.elementType(), at + WORD);
            }
            case FIXED_ARRAY:
                return sequence(type.length(), i -> type.elementType(), at);
            case TUPLE:
                return sequence(type.components().size(), type.components()::get, at);
            default:
                throw new AssertionError(type.kind());
        }
    }

    /** Heads from {@code base}; a dynamic value's head is its offset from {@code base}. */
    private List<Object> sequence(int count, java.util.function.IntFunction<AbiType> types, int base) {
        Object[] values = new Object[count];
        int head = base;
        for (int i = 0; i < count; i++) {
            AbiType type = types.apply(i);
            try {
                if (type.isDynamic()) {
                    values[i] = decodeAt(type, target(base, head));
                } else {
                    values[i] = decodeAt(type, head);
                }
            } catch (ValueError e) {
                throw e.at(i);
            }
            head += type.headSize();
        }
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    private int target(int base, int head) {
        long offset = uint64(head, "offset");
        // a dynamic value starts with at least one word: a length, or a head
        if (offset > end - base - WORD) {
            throw new ValueError("offset " + offset + " points past the end of the data");
        }
        return base + (int) offset;
    }

    /** An array's length, bounded by the data that must hold its heads. */
    private int length(int at, AbiType type) {
        long length = uint64(at, "array length");
        long left = end - at - WORD;
        // checked before multiplying: length < 2^31 and head sizes < 2^24 keep the product in a long
        if (length > Integer.MAX_VALUE) {
            throw new ValueError("array length " + length + " needs more bytes, but " + left + " are left");
        }
        long needed = length * type.elementType().headSize();
        if (needed > left) {
            throw new ValueError("array length " + length + " needs " + needed + " bytes, but " + left + " are left");
        }
        return (int) length;
    }

    private byte[] bytes(int at, String what) {
        long length = uint64(at, what + " length");
        int start = at + WORD;
        if (length > end - start) {
            throw new ValueError(what + " length " + length + " exceeds the " + (end - start) + " bytes left");
        }
        charge((length + WORD - 1) / WORD);
        return length == 0 ? Bytes.EMPTY : Arrays.copyOfRange(data, start, start + (int) length);
    }

    /** A word that must be a small unsigned integer: offsets and lengths. */
    private long uint64(int at, String what) {
        word(at);
        for (int i = at; i < at + WORD - 8; i++) {
            if (data[i] != 0) {
                throw new ValueError(what + " does not fit in 64 bits");
            }
        }
        long value = 0;
        for (int i = at + WORD - 8; i < at + WORD; i++) {
            value = (value << 8) | (data[i] & 0xff);
        }
        if (value < 0) {
            throw new ValueError(what + " does not fit in 63 bits");
        }
        return value;
    }

    private BigInteger unsigned(AbiType type, int at) {
        word(at);
        int significant = type.bits() / 8;
        requireFill(at, WORD - significant, (byte) 0, type + " value has non-zero high-order bytes");
        return new BigInteger(1, data, at + WORD - significant, significant);
    }

    private BigInteger signed(AbiType type, int at) {
        word(at);
        int significant = type.bits() / 8;
        byte sign = data[at + WORD - significant] < 0 ? (byte) 0xff : 0;
        requireFill(at, WORD - significant, sign, type + " value is not sign-extended");
        return new BigInteger(data, at + WORD - significant, significant);
    }

    private Boolean bool(int at) {
        word(at);
        requireFill(at, WORD - 1, (byte) 0, "bool is neither 0 nor 1");
        byte last = data[at + WORD - 1];
        if (last != 0 && last != 1) {
            throw new ValueError("bool is neither 0 nor 1");
        }
        return last == 1;
    }

    private Address address(int at) {
        word(at);
        requireFill(at, WORD - Address.LENGTH, (byte) 0, "address has non-zero high-order bytes");
        return Address.of(Arrays.copyOfRange(data, at + WORD - Address.LENGTH, at + WORD));
    }

    private byte[] fixedBytes(AbiType type, int at) {
        word(at);
        int length = type.length();
        for (int i = at + length; i < at + WORD; i++) {
            if (data[i] != 0) {
                throw new ValueError(type + " value has non-zero padding");
            }
        }
        return Arrays.copyOfRange(data, at, at + length);
    }

    private void requireFill(int at, int count, byte fill, String problem) {
        for (int i = at; i < at + count; i++) {
            if (data[i] != fill) {
                throw new ValueError(problem);
            }
        }
    }

    /** Checks that a whole word is there, and charges it to the budget. */
    private void word(int at) {
        if (at > end - WORD) {
            throw new ValueError("data ends at byte " + end + ", before the word at " + at);
        }
        charge(1);
    }

    private void charge(long words) {
        budget -= words;
        if (budget < 0) {
            throw new ValueError("offsets point at the same content too often (more than twice the data is read)");
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ValueError("string is not valid UTF-8");
        }
    }
}
