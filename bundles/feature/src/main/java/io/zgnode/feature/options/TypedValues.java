package io.zgnode.feature.options;

import java.util.Arrays;

/**
 * Configuration values typed after the value they replace. Settings arrive as text
 * ({@code --set io.zgnode.rpc.port=8546}, {@code cm:put io.zgnode.rpc port 8546}); where the key
 * already has a typed value (a feature default, a value in ConfigAdmin), the text takes that
 * type, so ConfigAdmin holds one type per key whichever way it was set. Text for a new key stays
 * text, which DS converts for typed configurations.
 */
public final class TypedValues {

    private TypedValues() {
    }

    /**
     * {@code text} as the type of {@code previous}.
     *
     * @throws IllegalArgumentException with a one-line message if the text does not fit that type
     */
    public static Object like(Object previous, String text) {
        String trimmed = text.trim();
        try {
            if (previous instanceof Integer) {
                return Integer.valueOf(trimmed);
            }
            if (previous instanceof Long) {
                return Long.valueOf(trimmed);
            }
            if (previous instanceof Double) {
                return Double.valueOf(trimmed);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number, and the value it replaces is", e);
        }
        if (previous instanceof Boolean) {
            if (!trimmed.equalsIgnoreCase("true") && !trimmed.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("'" + text + "' is not true or false, and the value it replaces is");
            }
            return Boolean.valueOf(trimmed);
        }
        if (previous instanceof String[]) {
            return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
        }
        return text;
    }
}
