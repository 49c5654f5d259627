package io.zgnode.runtime.cli;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.zgnode.crypto.Hex;
import io.zgnode.crypto.Keccak256;
import io.zgnode.runtime.UserError;

/**
 * Ethereum addresses as users read and type them: EIP-55 mixed-case checksums.
 * (Here until the crypto library has them; then this delegates.)
 */
public final class Addresses {

    public static final int LENGTH = 20;

    private Addresses() {
    }

    /** The EIP-55 form of a 20-byte address: 0x and hex digits whose case carries a checksum. */
    public static String toChecksumAddress(byte[] address) {
        if (address.length != LENGTH) {
            throw new IllegalArgumentException("an address is " + LENGTH + " bytes, got " + address.length);
        }
        String lower = Hex.encode(address).substring(2);
        byte[] hash = Keccak256.hash(lower.getBytes(StandardCharsets.US_ASCII));
        StringBuilder checksummed = new StringBuilder(2 + 2 * LENGTH).append("0x");
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            checksummed.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return checksummed.toString();
    }

    /**
     * The EIP-55 form of an address written in hex (40 digits, with or without 0x, any case).
     *
     * @throws IllegalArgumentException if it is not 40 hex digits
     */
    public static String toChecksumAddress(String address) {
        return toChecksumAddress(decode(address));
    }

    /**
     * An address a user typed: 40 hex digits with or without 0x. All lower or all upper case is
     * taken as is; mixed case must be a correct EIP-55 checksum, which catches typos.
     *
     * @throws UserError naming {@code what} (e.g. "ADDRESS") when it is not an address or its checksum is wrong
     */
    public static byte[] parse(String address, String what) {
        byte[] bytes;
        try {
            bytes = decode(address);
        } catch (IllegalArgumentException e) {
            throw new UserError(what + " " + address + " is not an address (0x and 40 hex digits)");
        }
        String digits = withoutPrefix(address);
        boolean mixedCase = !digits.equals(digits.toLowerCase(Locale.ROOT)) && !digits.equals(digits.toUpperCase(Locale.ROOT));
        if (mixedCase && !toChecksumAddress(bytes).substring(2).equals(digits)) {
            throw new UserError(what + " " + address + " has a wrong EIP-55 checksum (a typo?): expected " + toChecksumAddress(bytes));
        }
        return bytes;
    }

    private static byte[] decode(String address) {
        String digits = withoutPrefix(address);
        if (digits.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("an address is " + 2 * LENGTH + " hex digits, got " + digits.length());
        }
        return Hex.decode(digits);
    }

    private static String withoutPrefix(String hex) {
        return hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    }
}
