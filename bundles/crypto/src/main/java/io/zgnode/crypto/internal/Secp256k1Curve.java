package io.zgnode.crypto.internal;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * The secp256k1 curve from BouncyCastle's custom (fast field arithmetic, GLV endomorphism)
 * implementation, and the point operations the public classes share.
 *
 * <p>The only state is BouncyCastle's precomputation tables, which it attaches to the generator
 * point on first use under its own lock; they live as long as this class, so they go away with
 * the bundle's class loader.
 */
public final class Secp256k1Curve {
    private static final X9ECParameters PARAMETERS = CustomNamedCurves.getByName("secp256k1");

    public static final ECCurve CURVE = PARAMETERS.getCurve();
    public static final ECPoint G = PARAMETERS.getG();
    /** The group order. */
    public static final BigInteger N = PARAMETERS.getN();
    /** Largest s of a low-s (EIP-2) signature. */
    public static final BigInteger HALF_N = N.shiftRight(1);

    private static final FixedPointCombMultiplier G_MULTIPLIER = new FixedPointCombMultiplier();

    private Secp256k1Curve() {
    }

    /** {@code k * G} in affine coordinates, using the generator's precomputed comb table. */
    public static ECPoint multiplyG(BigInteger k) {
        return G_MULTIPLIER.multiply(G, k).normalize();
    }

    /** True if {@code value} is in [1, n-1], the range of private keys and of signature r and s. */
    public static boolean isInScalarRange(BigInteger value) {
        return value.signum() > 0 && value.compareTo(N) < 0;
    }

    /**
     * The point with affine x-coordinate {@code x} and the given y parity.
     *
     * @throws IllegalArgumentException if no point has that x-coordinate
     */
    public static ECPoint decompress(BigInteger x, boolean oddY) {
        byte[] encoded = new byte[33];
        encoded[0] = (byte) (oddY ? 0x03 : 0x02);
        BigIntegers.asUnsignedByteArray(x, encoded, 1, 32);
        return CURVE.decodePoint(encoded);
    }

    /** x || y, 32 bytes each, of a normalized point. */
    public static byte[] encodeUncompressed(ECPoint normalized) {
        byte[] out = new byte[64];
        BigIntegers.asUnsignedByteArray(normalized.getAffineXCoord().toBigInteger(), out, 0, 32);
        BigIntegers.asUnsignedByteArray(normalized.getAffineYCoord().toBigInteger(), out, 32, 32);
        return out;
    }

    /**
     * The point x || y (64 bytes).
     *
     * @throws IllegalArgumentException if it is not on the curve
     */
    public static ECPoint decodeUncompressed(byte[] xy) {
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(xy, 0, 32));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(xy, 32, 64));
        // validatePoint rejects coordinates >= p and points off the curve
        return CURVE.validatePoint(x, y).normalize();
    }
}
