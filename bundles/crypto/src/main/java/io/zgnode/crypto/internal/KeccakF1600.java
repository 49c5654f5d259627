package io.zgnode.crypto.internal;

/**
 * The Keccak-f[1600] permutation (FIPS 202, section 3), written out by hand instead of using
 * BouncyCastle's {@code KeccakDigest}: with the state in 25 local variables, theta folded into
 * rho/pi and the sponge absorbing straight from the caller's array, Keccak-256 runs about 1.35x
 * faster here on the 64 and 256 byte inputs the storage layer hashes by the million.
 * {@code Keccak256Test} proves it equal to BouncyCastle on inputs of every length up to 1000 bytes.
 *
 * <p>The round body was generated from the specification's rotation table, lane (x, y) being
 * {@code a[x + 5y]}; a lane's rotation offset appears as the second argument of its rotateLeft.
 */
final class KeccakF1600 {
    private static final long[] ROUND_CONSTANTS = {
        0x0000000000000001L, 0x0000000000008082L, 0x800000000000808AL, 0x8000000080008000L,
        0x000000000000808BL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
        0x000000000000008AL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000AL,
        0x000000008000808BL, 0x800000000000008BL, 0x8000000000008089L, 0x8000000000008003L,
        0x8000000000008002L, 0x8000000000000080L, 0x000000000000800AL, 0x800000008000000AL,
        0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L,
    };

    private KeccakF1600() {
    }

    /** Applies the 24 rounds to {@code state} (25 lanes) in place. */
    static void permute(long[] state) {
        long a00 = state[0];
        long a01 = state[1];
        long a02 = state[2];
        long a03 = state[3];
        long a04 = state[4];
        long a05 = state[5];
        long a06 = state[6];
        long a07 = state[7];
        long a08 = state[8];
        long a09 = state[9];
        long a10 = state[10];
        long a11 = state[11];
        long a12 = state[12];
        long a13 = state[13];
        long a14 = state[14];
        long a15 = state[15];
        long a16 = state[16];
        long a17 = state[17];
        long a18 = state[18];
        long a19 = state[19];
        long a20 = state[20];
        long a21 = state[21];
        long a22 = state[22];
        long a23 = state[23];
        long a24 = state[24];
        for (int round = 0; round < 24; round++) {
            // theta: column parities, then each lane is mixed with its two neighbouring columns
            long c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
            long c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
            long c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
            long c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
            long c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
            long d0 = c4 ^ Long.rotateLeft(c1, 1);
            long d1 = c0 ^ Long.rotateLeft(c2, 1);
            long d2 = c1 ^ Long.rotateLeft(c3, 1);
            long d3 = c2 ^ Long.rotateLeft(c4, 1);
            long d4 = c3 ^ Long.rotateLeft(c0, 1);
            // rho and pi: rotate each lane (theta applied on the way) and move it to its new position
            long b00 = (a00 ^ d0);
            long b10 = Long.rotateLeft((a01 ^ d1), 1);
            long b20 = Long.rotateLeft((a02 ^ d2), 62);
            long b05 = Long.rotateLeft((a03 ^ d3), 28);
            long b15 = Long.rotateLeft((a04 ^ d4), 27);
            long b16 = Long.rotateLeft((a05 ^ d0), 36);
            long b01 = Long.rotateLeft((a06 ^ d1), 44);
            long b11 = Long.rotateLeft((a07 ^ d2), 6);
            long b21 = Long.rotateLeft((a08 ^ d3), 55);
            long b06 = Long.rotateLeft((a09 ^ d4), 20);
            long b07 = Long.rotateLeft((a10 ^ d0), 3);
            long b17 = Long.rotateLeft((a11 ^ d1), 10);
            long b02 = Long.rotateLeft((a12 ^ d2), 43);
            long b12 = Long.rotateLeft((a13 ^ d3), 25);
            long b22 = Long.rotateLeft((a14 ^ d4), 39);
            long b23 = Long.rotateLeft((a15 ^ d0), 41);
            long b08 = Long.rotateLeft((a16 ^ d1), 45);
            long b18 = Long.rotateLeft((a17 ^ d2), 15);
            long b03 = Long.rotateLeft((a18 ^ d3), 21);
            long b13 = Long.rotateLeft((a19 ^ d4), 8);
            long b14 = Long.rotateLeft((a20 ^ d0), 18);
            long b24 = Long.rotateLeft((a21 ^ d1), 2);
            long b09 = Long.rotateLeft((a22 ^ d2), 61);
            long b19 = Long.rotateLeft((a23 ^ d3), 56);
            long b04 = Long.rotateLeft((a24 ^ d4), 14);
            // chi: the only non-linear step, row by row
            a00 = b00 ^ (~b01 & b02);
            a01 = b01 ^ (~b02 & b03);
            a02 = b02 ^ (~b03 & b04);
            a03 = b03 ^ (~b04 & b00);
            a04 = b04 ^ (~b00 & b01);
            a05 = b05 ^ (~b06 & b07);
            a06 = b06 ^ (~b07 & b08);
            a07 = b07 ^ (~b08 & b09);
            a08 = b08 ^ (~b09 & b05);
            a09 = b09 ^ (~b05 & b06);
            a10 = b10 ^ (~b11 & b12);
            a11 = b11 ^ (~b12 & b13);
            a12 = b12 ^ (~b13 & b14);
            a13 = b13 ^ (~b14 & b10);
            a14 = b14 ^ (~b10 & b11);
            a15 = b15 ^ (~b16 & b17);
            a16 = b16 ^ (~b17 & b18);
            a17 = b17 ^ (~b18 & b19);
            a18 = b18 ^ (~b19 & b15);
            a19 = b19 ^ (~b15 & b16);
            a20 = b20 ^ (~b21 & b22);
            a21 = b21 ^ (~b22 & b23);
            a22 = b22 ^ (~b23 & b24);
            a23 = b23 ^ (~b24 & b20);
            a24 = b24 ^ (~b20 & b21);
            // iota
            a00 ^= ROUND_CONSTANTS[round];
        }
        state[0] = a00;
        state[1] = a01;
        state[2] = a02;
        state[3] = a03;
        state[4] = a04;
        state[5] = a05;
        state[6] = a06;
        state[7] = a07;
        state[8] = a08;
        state[9] = a09;
        state[10] = a10;
        state[11] = a11;
        state[12] = a12;
        state[13] = a13;
        state[14] = a14;
        state[15] = a15;
        state[16] = a16;
        state[17] = a17;
        state[18] = a18;
        state[19] = a19;
        state[20] = a20;
        state[21] = a21;
        state[22] = a22;
        state[23] = a23;
        state[24] = a24;
    }
}
