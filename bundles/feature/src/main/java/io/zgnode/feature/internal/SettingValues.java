package io.zgnode.feature.internal;

import java.util.Arrays;

/**
 * Settings arrive as text ({@code --set io.zgnode.rpc.port=8546}); where the feature gives a
 * typed default for the key, the setting takes the same type, so ConfigAdmin holds one type per
 * key whichever way it was set.
 */
final class SettingValues {

    private SettingValues() {
    }

    static Object coerce(String value, Object typedDefault) {
        try {
            if (typedDefault instanceof Integer) {
                return Integer.valueOf(value.trim());
            }
            if (typedDefault instanceof Long) {
                return Long.valueOf(value.trim());
            }
            if (typedDefault instanceof Boolean) {
                return Boolean.valueOf(value.trim());
            }
            if (typedDefault instanceof String[]) {
                return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting value '" + value + "' is not a number", e);
        }
        return value;
    }
}
