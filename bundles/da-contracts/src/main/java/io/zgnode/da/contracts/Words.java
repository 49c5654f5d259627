package io.zgnode.da.contracts;

import java.math.BigInteger;

/** 32-byte big-endian words (Solidity's uint256), for what is hashed the way a contract would abi.encodePacked it. */
final class Words {

    static final int LENGTH = 32;

    private Words() {
    }

    static byte[] uint256(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a uint256 cannot be negative: " + value);
        }
        return uint256(BigInteger.valueOf(value));
    }

    static byte[] uint256(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 8 * LENGTH) {
            throw new IllegalArgumentException("not a uint256: " + value);
        }
        byte[] magnitude = value.toByteArray();
        byte[] word = new byte[LENGTH];
        int length = Math.min(magnitude.length, LENGTH);
        System.arraycopy(magnitude, magnitude.length - length, word, LENGTH - length, length);
        return word;
    }
}
