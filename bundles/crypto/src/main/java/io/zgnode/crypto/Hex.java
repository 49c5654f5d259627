package io.zgnode.crypto;

import java.util.HexFormat;
import java.util.Objects;

/** Hex strings as Ethereum writes them: {@code 0x}-prefixed, lower case. */
public final class Hex {
    private static final HexFormat LOWER_CASE = HexFormat.of();
    /** Longest excerpt of a bad input quoted in an error message: inputs can be megabytes long. */
    private static final int QUOTE_LIMIT = 40;

    private Hex() {
    }

    /** {@code 0x} followed by two lower-case digits per byte; {@code "0x"} for an empty array. */
    public static String encode(byte[] bytes) {
        return "0x" + LOWER_CASE.formatHex(bytes);
    }

    /**
     * Decodes hex digits (either case), with or without a {@code 0x} prefix.
     *
     * @throws IllegalArgumentException for an odd number of digits or a character that is not a
     *     hex digit; the message names the problem and where it is
     */
    public static byte[] decode(String hex) {
        Objects.requireNonNull(hex, "hex");
        int start = hex.startsWith("0x") || hex.startsWith("0X") ? 2 : 0;
        int digits = hex.length() - start;
        if (digits % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits (" + digits + ") in " + quote(hex));
        }
        for (int i = start; i < hex.length(); i++) {
            if (!HexFormat.isHexDigit(hex.charAt(i))) {
                throw new IllegalArgumentException(
                        "not a hex digit: '" + hex.charAt(i) + "' at index " + i + " of " + quote(hex));
            }
        }
        return LOWER_CASE.parseHex(hex, start, hex.length());
    }

    private static String quote(String s) {
        return s.length() <= QUOTE_LIMIT
                ? '"' + s + '"'
                : '"' + s.substring(0, QUOTE_LIMIT) + "...\" (" + s.length() + " characters)";
    }
}
