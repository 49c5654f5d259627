package io.zgnode.ethereum.internal;

import io.zgnode.ethereum.AbiType;

/** {@code Object}: generic values as they are; Java values converted by their runtime class. */
final class GenericConverter extends JavaConverter {
    private final AbiType type;

    GenericConverter(AbiType type) {
        this.type = type;
    }

    @Override
    public Object toJava(Object abiValue) {
        return abiValue;
    }

    @Override
    public Object toAbi(Object javaValue) {
        return RuntimeConversion.toAbi(type, javaValue);
    }
}
