package io.zgnode.ethereum.internal;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.ethereum.AbiException;
import io.zgnode.ethereum.AbiType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigInteger;
import java.util.List;

/**
 * Converts between the generic values of one ABI type and one Java type, both ways. Built once
 * per (ABI type, Java type) pair by {@link #of}, which is also the compatibility check: a pair
 * that cannot convert is refused there, with a message that says which part does not fit.
 * Converters are immutable and thread-safe; reflection on records is done when they are built.
 *
 * <p>Both directions report a bad value as a {@link ValueError}; the public classes turn it into
 * their own exceptions.
 */
public abstract class JavaConverter {

    JavaConverter() {
    }

    /** The Java value for a generic value of the ABI type (which the decoder produced). */
    public abstract Object toJava(Object abiValue);

    /** The generic value for a Java value; checks it fits the ABI type. */
    public abstract Object toAbi(Object javaValue);

    /**
     * {@link #toJava} reporting a bad value as an {@link AbiException} about {@code subject}
     * ("argument 2 of f(uint64)").
     */
    public final Object toJava(Object abiValue, String subject) {
        try {
            return toJava(abiValue);
        } catch (ValueError e) {
            throw new AbiException(e.describe(subject));
        }
    }

    /** {@link #toAbi} reporting a bad value as an {@link IllegalArgumentException} about {@code subject}. */
    public final Object toAbi(Object javaValue, String subject) {
        try {
            return toAbi(javaValue);
        } catch (ValueError e) {
            throw new IllegalArgumentException(e.describe(subject));
        }
    }

    /**
     * A converter between {@code abiType} and {@code javaType}.
     *
     * @throws IllegalArgumentException if they are not compatible (see the package documentation of
     *     io.zgnode.api.contract for the mapping)
     */
    public static JavaConverter of(AbiType abiType, Type javaType) {
        if (javaType == Object.class) {
            return new GenericConverter(abiType);
        }
        Class<?> raw = rawClass(javaType);
        switch (abiType.kind()) {
            case UINT:
            case INT:
                if (raw == BigInteger.class || raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class) {
                    return new IntegerConverter(abiType, raw);
                }
                break;
            case BOOL:
                if (raw == boolean.class || raw == Boolean.class) {
                    return new SameConverter(abiType, Boolean.class);
                }
                break;
            case ADDRESS:
                if (raw == Address.class) {
                    return new SameConverter(abiType, Address.class);
                }
                break;
            case FIXED_BYTES:
                if (raw == byte[].class) {
                    return new SameConverter(abiType, byte[].class);
                }
                if (raw == Hash.class && abiType.length() == Hash.LENGTH) {
                    return new HashConverter();
                }
                break;
            case BYTES:
                if (raw == byte[].class) {
                    return new SameConverter(abiType, byte[].class);
                }
                break;
            case STRING:
                if (raw == String.class) {
                    return new SameConverter(abiType, String.class);
                }
                break;
            case ARRAY:
            case FIXED_ARRAY:
                if (raw == List.class) {
                    return new ListConverter(abiType, elementOf(abiType, javaType));
                }
                break;
            case TUPLE:
                if (raw != null && raw.isRecord()) {
                    return RecordConverter.of(abiType, raw);
                }
                if (raw == Object[].class) {
                    return new ObjectArrayConverter(abiType);
                }
                break;
            default:
                throw new AssertionError(abiType.kind());
        }
        throw new IllegalArgumentException(cannotBind(abiType, javaType) + expectation(abiType));
    }

    private static JavaConverter elementOf(AbiType arrayType, Type listType) {
        Type element = Object.class;
        if (listType instanceof ParameterizedType parameterized) {
            element = parameterized.getActualTypeArguments()[0];
            if (element instanceof WildcardType wildcard) {
                element = wildcard.getLowerBounds().length == 0 ? wildcard.getUpperBounds()[0] : Object.class;
            }
        }
        try {
            return of(arrayType.elementType(), element);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(cannotBind(arrayType, listType) + ": element: " + e.getMessage());
        }
    }

    /** The class of a plain or generic type; null for type variables and generic arrays, which never bind. */
    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> plain) {
            return plain;
        }
        return null;
    }

    static String cannotBind(AbiType abiType, Type javaType) {
        return "cannot bind " + AbiEncoder.abbreviate(abiType) + " to " + javaType.getTypeName();
    }

    private static String expectation(AbiType abiType) {
        switch (abiType.kind()) {
            case UINT:
            case INT:
                return " (use BigInteger, long, Long, int or Integer)";
            case BOOL:
                return " (use boolean or Boolean)";
            case ADDRESS:
                return " (use io.zgnode.api.chain.Address)";
            case FIXED_BYTES:
                return abiType.length() == Hash.LENGTH ? " (use byte[] or io.zgnode.api.chain.Hash)" : " (use byte[])";
            case BYTES:
                return " (use byte[])";
            case STRING:
                return " (use String)";
            case ARRAY:
            case FIXED_ARRAY:
                return " (use List<T>)";
            default:
                return " (use a record with the tuple's components in order, or Object[])";
        }
    }
}
