package io.zgnode.rpc.core;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Java types as a client reads them in an error message: {@code List<String>}, not {@code java.util.List<java.lang.String>}. */
final class TypeNames {

    private TypeNames() {
    }

    static String describe(Type type) {
        if (type == byte[].class) {
            return "base64 string (byte[])";
        }
        if (type instanceof Class<?> c) {
            return c.isArray() ? describe(c.getComponentType()) + "[]" : c.getSimpleName();
        }
        if (type instanceof ParameterizedType p) {
            return describe(p.getRawType()) + Arrays.stream(p.getActualTypeArguments())
                    .map(TypeNames::describe)
                    .collect(Collectors.joining(", ", "<", ">"));
        }
        if (type instanceof GenericArrayType g) {
            return describe(g.getGenericComponentType()) + "[]";
        }
        if (type instanceof TypeVariable<?> v) {
            return v.getName();
        }
        if (type instanceof WildcardType) {
            return "?";
        }
        return type.getTypeName();
    }
}
