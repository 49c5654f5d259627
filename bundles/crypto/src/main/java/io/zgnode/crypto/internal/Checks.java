package io.zgnode.crypto.internal;

import java.util.Objects;

/** Argument checks with messages that name what was wrong. */
public final class Checks {
    private Checks() {
    }

    /** Returns {@code value} if it has exactly {@code length} bytes, else throws IllegalArgumentException. */
    public static byte[] requireLength(byte[] value, int length, String name) {
        Objects.requireNonNull(value, name);
        if (value.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes, got " + value.length);
        }
        return value;
    }
}
