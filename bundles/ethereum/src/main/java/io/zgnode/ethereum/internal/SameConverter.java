package io.zgnode.ethereum.internal;

import io.zgnode.ethereum.AbiType;

/** Types whose Java value is the generic value: Boolean, Address, byte[], String. */
final class SameConverter extends JavaConverter {
    private final AbiType type;
    private final Class<?> javaClass;

    SameConverter(AbiType type, Class<?> javaClass) {
        this.type = type;
        this.javaClass = javaClass;
    }

    @Override
    public Object toJava(Object abiValue) {
        return abiValue;
    }

    @Override
    public Object toAbi(Object javaValue) {
        return check(type, javaClass, javaValue);
    }

    static Object check(AbiType type, Class<?> javaClass, Object value) {
        if (!javaClass.isInstance(value)) {
            String expected = javaClass == byte[].class ? "byte[]" : javaClass.getSimpleName();
            throw new ValueError("expected " + expected + " for " + type + ", got " + AbiEncoder.describe(value));
        }
        if (type.kind() == AbiType.Kind.FIXED_BYTES && ((byte[]) value).length != type.length()) {
            throw new ValueError(type + " needs " + type.length() + " bytes, got " + ((byte[]) value).length);
        }
        return value;
    }
}
