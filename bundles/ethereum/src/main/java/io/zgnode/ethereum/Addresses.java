package io.zgnode.ethereum;

import io.zgnode.api.chain.Address;
import io.zgnode.crypto.Keccak256;
import io.zgnode.crypto.PublicKey;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Ethereum account addresses: from a public key, and written with the EIP-55 mixed-case
 * checksum ({@code 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed}), which catches most typing
 * errors in an address a person copies.
 */
public final class Addresses {
    private static final int HEX_DIGITS = 2 * Address.LENGTH;

    private Addresses() {
    }

    /** The address of the account of {@code key}: the last 20 bytes of keccak256(x || y). */
    public static Address of(PublicKey key) {
        return Address.of(key.address());
    }

    /** {@code 0x} and the 40 hex digits, letters in upper case where EIP-55 says. */
    public static String toChecksumHex(Address address) {
        return "0x" + checksummed(HexFormat.of().formatHex(address.toArray()));
    }

    /**
     * Parses 40 hex digits with or without {@code 0x}. All lower case and all upper case carry no
     * checksum and are accepted as they are; mixed case must be the EIP-55 checksum.
     *
     * @throws IllegalArgumentException if the text is not an address or its checksum is wrong
     */
    public static Address parse(String hex) {
        Objects.requireNonNull(hex, "address");
        Address address = Address.of(hex);
        String digits = digits(hex);
        if (isMixedCase(digits) && !checksummed(digits.toLowerCase(java.util.Locale.ROOT)).equals(digits)) {
            throw new IllegalArgumentException("address " + hex + " has a wrong EIP-55 checksum (expected "
                    + toChecksumHex(address) + ")");
        }
        return address;
    }

    /** True if {@link #parse} accepts {@code hex}. */
    public static boolean isValid(String hex) {
        try {
            parse(hex);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Upper-cases each letter whose nibble in keccak256(lower-case hex) is 8 or more. */
    private static String checksummed(String lowerHex) {
        byte[] hash = Keccak256.hash(lowerHex.getBytes(StandardCharsets.US_ASCII));
        char[] out = lowerHex.toCharArray();
        for (int i = 0; i < HEX_DIGITS; i++) {
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0f;
            if (nibble >= 8) {
                out[i] = Character.toUpperCase(out[i]);
            }
        }
        return new String(out);
    }

    private static String digits(String hex) {
        return hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    }

    private static boolean isMixedCase(String digits) {
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            lower |= c >= 'a' && c <= 'f';
            upper |= c >= 'A' && c <= 'F';
        }
        return lower && upper;
    }
}
