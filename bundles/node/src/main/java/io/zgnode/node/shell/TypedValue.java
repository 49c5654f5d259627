package io.zgnode.node.shell;

import java.util.Arrays;

/** Parses text into the type of the value it replaces. */
final class TypedValue {

    private TypedValue() {
    }

    static Object like(Object previous, String text) {
        try {
            if (previous instanceof Integer) {
                return Integer.valueOf(text.trim());
            }
            if (previous instanceof Long) {
                return Long.valueOf(text.trim());
            }
            if (previous instanceof Double) {
                return Double.valueOf(text.trim());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number, and the value it replaces is", e);
        }
        if (previous instanceof Boolean) {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("'" + text + "' is not true or false, and the value it replaces is");
            }
            return Boolean.valueOf(text);
        }
        if (previous instanceof String[]) {
            return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
        }
        return text;
    }
}
