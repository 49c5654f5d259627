package io.zgnode.ethereum.internal;

import io.zgnode.ethereum.AbiType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** {@code T[]} and {@code T[k]} as {@code List<E>}. */
final class ListConverter extends JavaConverter {
    private final AbiType type;
    private final JavaConverter element;

    ListConverter(AbiType type, JavaConverter element) {
        this.type = type;
        this.element = element;
    }

    @Override
    public Object toJava(Object abiValue) {
        List<?> values = (List<?>) abiValue;
        List<Object> converted = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            try {
                converted.add(element.toJava(values.get(i)));
            } catch (ValueError e) {
                throw e.at(i);
            }
        }
        return Collections.unmodifiableList(converted);
    }

    @Override
    public Object toAbi(Object javaValue) {
        List<?> values = RuntimeConversion.asList(javaValue, type);
        RuntimeConversion.checkLength(type, values.size());
        Object[] converted = new Object[values.size()];
        for (int i = 0; i < converted.length; i++) {
            try {
                converted[i] = element.toAbi(values.get(i));
            } catch (ValueError e) {
                throw e.at(i);
            }
        }
        return Collections.unmodifiableList(Arrays.asList(converted));
    }
}
