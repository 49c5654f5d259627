package io.zgnode.ethereum;

import io.zgnode.ethereum.internal.AbiDecoder;
import io.zgnode.ethereum.internal.AbiEncoder;
import io.zgnode.ethereum.internal.Bytes;
import java.util.List;

/**
 * The Solidity ABI encoding of generic values, head/tail layout as the ABI specification defines.
 *
 * <p>Generic values: {@link java.math.BigInteger} for {@code uintN/intN} (the encoder also takes
 * {@code Long}, {@code Integer}, {@code Short}, {@code Byte}; values are range-checked),
 * {@link io.zgnode.api.chain.Address}, {@link Boolean}, {@code byte[]} for {@code bytes} and
 * {@code bytesN} (exactly N bytes), {@link String}, and {@code List<Object>} for arrays and
 * tuples. Decoding returns exactly these types, with unmodifiable lists and fresh arrays. To go
 * to and from records and other Java types, see {@link AbiBinding}.
 *
 * <p>Decoding is strict about untrusted data: see {@link #decode(List, byte[], int)}.
 */
public final class Abi {
    private Abi() {
    }

    /**
     * The encoding of {@code values} as a tuple of {@code types}: how function arguments, return
     * values and event data are encoded.
     *
     * @throws IllegalArgumentException if a value does not fit its type; the message says where
     */
    public static byte[] encode(List<AbiType> types, List<?> values) {
        return AbiEncoder.encode(Bytes.EMPTY, AbiType.tuple(types), values);
    }

    /**
     * The specification's enc(value): for a dynamic type such as {@code bytes} this is the length
     * and the content, without the offset a tuple would put before it.
     *
     * @throws IllegalArgumentException if the value does not fit the type
     */
    public static byte[] encode(AbiType type, Object value) {
        return AbiEncoder.encode(Bytes.EMPTY, type, value);
    }

    /** {@link #decode(List, byte[], int)} from the start of {@code data}. */
    public static List<Object> decode(List<AbiType> types, byte[] data) {
        return decode(types, data, 0);
    }

    /**
     * Decodes a tuple of {@code types} that starts at {@code data[offset]} (4 for calldata after
     * a selector). Offsets are relative to {@code offset}. Rejects what Solidity's decoder
     * rejects: offsets and lengths beyond the data, integers, addresses and bools with dirty
     * high-order bytes, {@code bytesN} with dirty padding. Also rejects strings that are not
     * UTF-8, and data whose offsets alias the same content many times. Bytes after the last
     * value are ignored, as Solidity ignores them.
     *
     * @throws AbiException for malformed data; the message says what and where ("at [1][0]")
     */
    public static List<Object> decode(List<AbiType> types, byte[] data, int offset) {
        @SuppressWarnings("unchecked")
        List<Object> values = (List<Object>) AbiDecoder.decode(AbiType.tuple(types), data, offset, data.length);
        return values;
    }

    /**
     * The inverse of {@link #encode(AbiType, Object)}, with the checks of
     * {@link #decode(List, byte[], int)}.
     *
     * @throws AbiException for malformed data
     */
    public static Object decode(AbiType type, byte[] data) {
        return AbiDecoder.decode(type, data, 0, data.length);
    }
}
