package io.zgnode.ledger.rpc;

import java.math.BigInteger;

import io.zgnode.api.rpc.RpcException;
import io.zgnode.crypto.Hex;

/**
 * Ethereum JSON-RPC encodings: quantities are 0x-hex without leading zeros ({@code 0x0} for
 * zero), data is 0x-hex of whole bytes.
 */
final class Quantities {

    private static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private Quantities() {
    }

    static String of(long value) {
        return "0x" + Long.toHexString(value);
    }

    static String of(BigInteger value) {
        return "0x" + value.toString(16);
    }

    static String data(byte[] bytes) {
        return Hex.encode(bytes);
    }

    /** A quantity parameter (hex string, or a JSON number some clients send). */
    static BigInteger parse(Object value, String name) {
        if (value instanceof Number number) {
            BigInteger integer = new BigInteger(number.toString());
            return checkRange(integer, name);
        }
        if (!(value instanceof String text) || !(text.startsWith("0x") || text.startsWith("0X")) || text.length() < 3) {
            throw RpcException.invalidParams(name + " must be a 0x-prefixed hex quantity, got " + value);
        }
        try {
            return checkRange(new BigInteger(text.substring(2), 16), name);
        } catch (NumberFormatException e) {
            throw RpcException.invalidParams(name + " is not hex: " + text);
        }
    }

    static long parseLong(Object value, String name) {
        BigInteger parsed = parse(value, name);
        if (parsed.bitLength() > 63) {
            throw RpcException.invalidParams(name + " is too large: " + value);
        }
        return parsed.longValue();
    }

    /** Data parameter: 0x-hex of whole bytes. */
    static byte[] parseData(Object value, String name) {
        if (!(value instanceof String text)) {
            throw RpcException.invalidParams(name + " must be 0x-prefixed hex data");
        }
        try {
            return Hex.decode(text);
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams(name + ": " + e.getMessage());
        }
    }

    private static BigInteger checkRange(BigInteger value, String name) {
        if (value.signum() < 0 || value.compareTo(MAX_UINT256) > 0) {
            throw RpcException.invalidParams(name + " is out of range");
        }
        return value;
    }
}
