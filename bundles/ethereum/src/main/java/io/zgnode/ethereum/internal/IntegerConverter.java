package io.zgnode.ethereum.internal;

import io.zgnode.ethereum.AbiType;
import java.math.BigInteger;

/** Integers: BigInteger as is; long, int and their boxes when the value fits. */
final class IntegerConverter extends JavaConverter {
    private final AbiType type;
    private final Class<?> target;

    IntegerConverter(AbiType type, Class<?> target) {
        this.type = type;
        this.target = target;
    }

    @Override
    public Object toJava(Object abiValue) {
        BigInteger value = (BigInteger) abiValue;
        if (target == BigInteger.class) {
            return value;
        }
        boolean isLong = target == long.class || target == Long.class;
        if (value.bitLength() > (isLong ? 63 : 31)) {
            throw new ValueError(type + " value " + value + " does not fit in " + (isLong ? "long" : "int"));
        }
        return isLong ? (Object) value.longValue() : (Object) value.intValue();
    }

    @Override
    public Object toAbi(Object javaValue) {
        return checked(type, javaValue);
    }

    static BigInteger checked(AbiType type, Object value) {
        if (value == null) {
            throw new ValueError("null for " + type);
        }
        BigInteger integer = AbiEncoder.integer(value, type);
        AbiEncoder.checkRange(type, integer);
        return integer;
    }
}
