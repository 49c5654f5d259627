package io.zgnode.ethereum.internal;

import io.zgnode.api.chain.Hash;

/** {@code bytes32} as a {@link Hash}. */
final class HashConverter extends JavaConverter {
    @Override
    public Object toJava(Object abiValue) {
        return Hash.of((byte[]) abiValue);
    }

    @Override
    public Object toAbi(Object javaValue) {
        if (!(javaValue instanceof Hash hash)) {
            throw new ValueError("expected Hash for bytes32, got " + AbiEncoder.describe(javaValue));
        }
        return hash.toArray();
    }
}
