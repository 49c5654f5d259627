package io.zgnode.ethereum.internal;

import io.zgnode.crypto.Keccak256;
import io.zgnode.ethereum.AbiType;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The topic of an indexed event parameter, as the ABI specification defines it: a value type
 * of at most 32 bytes is its encoded word; bytes, strings, arrays (even fixed-size ones) and
 * tuples are the Keccak-256 of their "in-place" encoding, which has no offsets and no lengths,
 * bytes and strings unpadded at the top and padded to 32 bytes inside arrays and tuples.
 */
public final class IndexedTopics {
    private static final int WORD = 32;

    private IndexedTopics() {
    }

    /** True if an indexed value of this type is stored as a hash, and so cannot be read back. */
    public static boolean isHashed(AbiType type) {
        switch (type.kind()) {
            case UINT:
            case INT:
            case BOOL:
            case ADDRESS:
            case FIXED_BYTES:
                return false;
            default:
                return true;
        }
    }

    /** The 32-byte topic of {@code value}; checks it fits {@code type} first. */
    public static byte[] topic(AbiType type, Object value) {
        byte[] encoded = AbiEncoder.encode(Bytes.EMPTY, type, value);
        if (!isHashed(type)) {
            return encoded;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        inPlace(type, value, false, out);
        return Keccak256.hash(out.toByteArray());
    }

    private static void inPlace(AbiType type, Object value, boolean nested, ByteArrayOutputStream out) {
        switch (type.kind()) {
            case BYTES:
                content((byte[]) value, nested, out);
                break;
            case STRING:
                content(AbiEncoder.utf8((String) value), nested, out);
                break;
            case ARRAY:
            case FIXED_ARRAY:
                for (Object element : (List<?>) value) {
                    inPlace(type.elementType(), element, true, out);
                }
                break;
            case TUPLE: {
                List<?> values = (List<?>) value;
                for (int i = 0; i < values.size(); i++) {
                    inPlace(type.components().get(i), values.get(i), true, out);
                }
                break;
            }
            default:
                out.writeBytes(AbiEncoder.encode(Bytes.EMPTY, type, value));
        }
    }

    private static void content(byte[] bytes, boolean padded, ByteArrayOutputStream out) {
        out.writeBytes(bytes);
        if (padded && bytes.length % WORD != 0) {
            out.write(new byte[WORD - bytes.length % WORD], 0, WORD - bytes.length % WORD);
        }
    }
}
