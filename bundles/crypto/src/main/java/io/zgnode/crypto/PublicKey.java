package io.zgnode.crypto;

import io.zgnode.crypto.internal.Checks;
import io.zgnode.crypto.internal.Secp256k1Curve;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A secp256k1 public key of an Ethereum account: a point on the curve, written as the 64 bytes
 * x || y (the uncompressed encoding without its 0x04 prefix, as Ethereum hashes it).
 */
public final class PublicKey {
    public static final int LENGTH = 64;
    public static final int ADDRESS_LENGTH = 20;

    private final ECPoint point;
    private final byte[] xy;
    private final byte[] address;

    private PublicKey(ECPoint normalized, byte[] xy) {
        this.point = normalized;
        this.xy = xy;
        byte[] hash = Keccak256.hash(xy);
        this.address = Arrays.copyOfRange(hash, hash.length - ADDRESS_LENGTH, hash.length);
    }

    /**
     * The key x || y.
     *
     * @throws IllegalArgumentException if {@code xy} is not 64 bytes or not a point on the curve
     */
    public static PublicKey of(byte[] xy) {
        Checks.requireLength(xy, LENGTH, "public key");
        ECPoint point;
        try {
            point = Secp256k1Curve.decodeUncompressed(xy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("public key is not a point on secp256k1: " + Hex.encode(xy), e);
        }
        return new PublicKey(point, xy.clone());
    }

    /** For points this package computed itself, hence known valid. */
    static PublicKey fromPoint(ECPoint point) {
        ECPoint normalized = point.normalize();
        return new PublicKey(normalized, Secp256k1Curve.encodeUncompressed(normalized));
    }

    ECPoint point() {
        return point;
    }

    /** x || y, 64 bytes. */
    public byte[] bytes() {
        return xy.clone();
    }

    /** The Ethereum address: the last 20 bytes of keccak256(x || y). */
    public byte[] address() {
        return address.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicKey that && Arrays.equals(xy, that.xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return "PublicKey[address=" + Hex.encode(address) + "]";
    }
}
