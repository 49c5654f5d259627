package io.zgnode.ethereum.internal;

import io.zgnode.ethereum.AbiType;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A tuple as {@code Object[]} of generic values. */
final class ObjectArrayConverter extends JavaConverter {
    private final AbiType type;

    ObjectArrayConverter(AbiType type) {
        this.type = type;
    }

    @Override
    public Object toJava(Object abiValue) {
        return ((List<?>) abiValue).toArray();
    }

    @Override
    public Object toAbi(Object javaValue) {
        if (!(javaValue instanceof Object[] array)) {
            throw new ValueError("expected Object[] for " + AbiEncoder.abbreviate(type) + ", got " + AbiEncoder.describe(javaValue));
        }
        return components(type, Arrays.asList(array));
    }

    static List<Object> components(AbiType type, List<?> values) {
        List<AbiType> components = type.components();
        if (values.size() != components.size()) {
            throw new ValueError(AbiEncoder.abbreviate(type) + " needs " + components.size() + " components, got " + values.size());
        }
        Object[] converted = new Object[values.size()];
        for (int i = 0; i < converted.length; i++) {
            try {
                converted[i] = RuntimeConversion.toAbi(components.get(i), values.get(i));
            } catch (ValueError e) {
                throw e.at(i);
            }
        }
        return Collections.unmodifiableList(Arrays.asList(converted));
    }
}
