package io.zgnode.crypto;

import io.zgnode.crypto.internal.Checks;
import io.zgnode.crypto.internal.Secp256k1Curve;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.util.BigIntegers;

/**
 * An ECDSA signature on secp256k1 with the recovery id that lets {@link Secp256k1#recover} find the
 * signer's key: r and s as unsigned 256-bit integers, recovery id 0 or 1 (the parity of the y
 * coordinate of the signature's point R). Ethereum's v is derived from it: 27 + id for legacy
 * transactions, 35 + 2 * chainId + id under EIP-155, the id itself for typed transactions.
 *
 * <p>Construction checks only the shape (sizes, id); whether r and s are in [1, n-1] and whether
 * s is low is checked where it matters, by {@link Secp256k1#recover} and {@link Secp256k1#verify}.
 */
public record Signature(BigInteger r, BigInteger s, int recoveryId) {
    /** r || s || recovery id. */
    public static final int LENGTH = 65;

    public Signature {
        requireUnsigned256(r, "r");
        requireUnsigned256(s, "s");
        if (recoveryId != 0 && recoveryId != 1) {
            throw new IllegalArgumentException("recovery id must be 0 or 1, got " + recoveryId);
        }
    }

    /** From r and s as 32-byte big-endian integers. */
    public static Signature of(byte[] r, byte[] s, int recoveryId) {
        Checks.requireLength(r, 32, "r");
        Checks.requireLength(s, 32, "s");
        return new Signature(new BigInteger(1, r), new BigInteger(1, s), recoveryId);
    }

    /** From the 65 bytes r || s || recovery id (0 or 1) that {@link #toBytes()} writes. */
    public static Signature fromBytes(byte[] rsv) {
        Checks.requireLength(rsv, LENGTH, "signature");
        return new Signature(
                new BigInteger(1, Arrays.copyOfRange(rsv, 0, 32)),
                new BigInteger(1, Arrays.copyOfRange(rsv, 32, 64)),
                rsv[64]);
    }

    /** r || s || recovery id, 65 bytes. */
    public byte[] toBytes() {
        byte[] out = new byte[LENGTH];
        BigIntegers.asUnsignedByteArray(r, out, 0, 32);
        BigIntegers.asUnsignedByteArray(s, out, 32, 32);
        out[64] = (byte) recoveryId;
        return out;
    }

    /** r as 32 bytes, big-endian. */
    public byte[] rBytes() {
        return BigIntegers.asUnsignedByteArray(32, r);
    }

    /** s as 32 bytes, big-endian. */
    public byte[] sBytes() {
        return BigIntegers.asUnsignedByteArray(32, s);
    }

    /** True if s <= n/2, the only form Ethereum accepts in transactions since Homestead (EIP-2). */
    public boolean isLowS() {
        return s.compareTo(Secp256k1Curve.HALF_N) <= 0;
    }

    private static void requireUnsigned256(BigInteger value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException(name + " must be an unsigned 256-bit integer, got " + value);
        }
    }
}
