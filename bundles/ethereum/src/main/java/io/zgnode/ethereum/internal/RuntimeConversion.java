package io.zgnode.ethereum.internal;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.ethereum.AbiType;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Java values to generic values judged by their runtime class, for {@code Object} targets and
 * event values, where no declared type is known: records, {@code Object[]} and lists for tuples,
 * {@code Object[]} and lists for arrays, {@link Hash} for {@code bytes32}, boxed integers.
 */
final class RuntimeConversion {

    private RuntimeConversion() {
    }

    /** The generic value of {@code value} for {@code type}; checks it fits. */
    static Object toAbi(AbiType type, Object value) {
        if (value == null) {
            throw new ValueError("null for " + AbiEncoder.abbreviate(type));
        }
        switch (type.kind()) {
            case ARRAY:
            case FIXED_ARRAY: {
                List<?> elements = value instanceof Object[] array ? Arrays.asList(array) : asList(value, type);
                checkLength(type, elements.size());
                Object[] converted = new Object[elements.size()];
                for (int i = 0; i < converted.length; i++) {
                    try {
                        converted[i] = toAbi(type.elementType(), elements.get(i));
                    } catch (ValueError e) {
                        throw e.at(i);
                    }
                }
                return Collections.unmodifiableList(Arrays.asList(converted));
            }
            case TUPLE:
                if (value.getClass().isRecord()) {
                    JavaConverter converter;
                    try {
                        converter = RecordConverter.of(type, value.getClass());
                    } catch (IllegalArgumentException e) {
                        throw new ValueError(e.getMessage());
                    }
                    return converter.toAbi(value);
                }
                return ObjectArrayConverter.components(type, value instanceof Object[] array ? Arrays.asList(array) : asList(value, type));
            case FIXED_BYTES:
                if (value instanceof Hash hash && type.length() == Hash.LENGTH) {
                    return hash.toArray();
                }
                return SameConverter.check(type, byte[].class, value);
            case BYTES:
                return SameConverter.check(type, byte[].class, value);
            case UINT:
            case INT:
                return IntegerConverter.checked(type, value);
            case BOOL:
                return SameConverter.check(type, Boolean.class, value);
            case ADDRESS:
                return SameConverter.check(type, Address.class, value);
            case STRING:
                return SameConverter.check(type, String.class, value);
            default:
                throw new AssertionError(type.kind());
        }
    }


    static List<?> asList(Object value, AbiType type) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new ValueError("expected a List for " + AbiEncoder.abbreviate(type) + ", got " + AbiEncoder.describe(value));
    }

    static void checkLength(AbiType type, int size) {
        if (type.kind() == AbiType.Kind.FIXED_ARRAY && size != type.length()) {
            throw new ValueError(type + " needs " + type.length() + " elements, got " + size);
        }
    }
}
