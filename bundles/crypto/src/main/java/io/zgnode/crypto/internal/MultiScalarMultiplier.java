package io.zgnode.crypto.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.ECPointMap;
import org.bouncycastle.math.ec.endo.GLVEndomorphism;

/**
 * k1 P1 + k2 P2 + ... + km Pm on secp256k1 by Pippenger's bucket method: for each window of c
 * bits, every point is added once into the bucket of its digit, and the buckets are summed with
 * a running sum; about m + 2^c additions per window instead of a table and ~k/(w+1) additions
 * per point. BouncyCastle offers single and double multiplications and an interleaved sum
 * (Strauss) whose per-point tables make it barely cheaper than one multiplication per point;
 * nothing there sums hundreds of points cheaply, hence this class. Point arithmetic is
 * BouncyCastle's.
 *
 * <p>Scalars wider than 128 bits are split with the curve's GLV endomorphism into two halves of
 * ~128 bits on P and lambda(P), so every window loop runs over at most ~129 bits. Not constant
 * time: it is for public inputs (signature checks), never for secrets.
 */
public final class MultiScalarMultiplier {

    private static final GLVEndomorphism GLV = (GLVEndomorphism) Secp256k1Curve.CURVE.getEndomorphism();
    private static final ECPointMap LAMBDA = GLV.getPointMap();
    private static final int HALF_BITS = 128;

    private final List<ECPoint> points = new ArrayList<>();
    private final List<BigInteger> scalars = new ArrayList<>();

    /** Adds k P to the sum; P may be in any coordinates, k any integer (taken mod n). */
    public MultiScalarMultiplier add(ECPoint point, BigInteger scalar) {
        BigInteger k = scalar.mod(Secp256k1Curve.N);
        if (k.bitLength() <= HALF_BITS) {
            points.add(point);
            scalars.add(k);
            return this;
        }
        BigInteger[] halves = GLV.decomposeScalar(k);
        addSigned(point, halves[0]);
        addSigned(LAMBDA.map(point), halves[1]);
        return this;
    }

    private void addSigned(ECPoint point, BigInteger k) {
        if (k.signum() != 0) {
            points.add(k.signum() < 0 ? point.negate() : point);
            scalars.add(k.abs());
        }
    }

    /** The sum of everything added. */
    public ECPoint sum() {
        if (points.isEmpty()) {
            return Secp256k1Curve.CURVE.getInfinity();
        }
        ECPoint[] normalized = points.toArray(new ECPoint[0]);
        // adding an affine point into a bucket is cheaper than a general addition
        Secp256k1Curve.CURVE.normalizeAll(normalized);
        int bits = scalars.stream().mapToInt(BigInteger::bitLength).max().orElse(1);
        int c = windowBits(normalized.length);
        int windows = (bits + c) / c + 1;
        int[][] digits = new int[normalized.length][];
        for (int i = 0; i < normalized.length; i++) {
            digits[i] = signedDigits(scalars.get(i), c, windows);
        }
        int half = 1 << (c - 1);
        ECPoint infinity = Secp256k1Curve.CURVE.getInfinity();
        ECPoint[] buckets = new ECPoint[half + 1];
        ECPoint total = infinity;
        for (int w = windows - 1; w >= 0; w--) {
            for (int b = 0; b < c && !total.isInfinity(); b++) {
                total = total.twice();
            }
            Arrays.fill(buckets, infinity);
            for (int i = 0; i < normalized.length; i++) {
                int d = digits[i][w];
                if (d > 0) {
                    buckets[d] = buckets[d].add(normalized[i]);
                } else if (d < 0) {
                    buckets[-d] = buckets[-d].subtract(normalized[i]);
                }
            }
            total = total.add(weightedSum(buckets));
        }
        return total;
    }

    /** The sum of d * buckets[d] over d >= 1: a running sum from the top adds bucket d exactly d times. */
    private static ECPoint weightedSum(ECPoint[] buckets) {
        ECPoint running = Secp256k1Curve.CURVE.getInfinity();
        ECPoint sum = running;
        for (int d = buckets.length - 1; d >= 1; d--) {
            running = running.add(buckets[d]);
            sum = sum.add(running);
        }
        return sum;
    }

    /** Bits per window: about log2 of the number of points, so buckets cost no more than the points. */
    static int windowBits(int count) {
        int c = 32 - Integer.numberOfLeadingZeros(count) - 1;
        return Math.max(2, Math.min(c, 10));
    }

    /**
     * k in base 2^c with digits in [-2^(c-1), 2^(c-1)], least significant first, over
     * {@code windows} digits (one more than k needs, for the final carry).
     */
    static int[] signedDigits(BigInteger k, int c, int windows) {
        int[] digits = new int[windows];
        int mask = (1 << c) - 1;
        int half = 1 << (c - 1);
        int carry = 0;
        for (int w = 0; w < windows; w++) {
            int d = windowValue(k, w * c, mask) + carry;
            if (d > half) {
                d -= 1 << c;
                carry = 1;
            } else {
                carry = 0;
            }
            digits[w] = d;
        }
        if (carry != 0) {
            throw new IllegalStateException("scalar wider than " + windows + " windows of " + c + " bits");
        }
        return digits;
    }

    private static int windowValue(BigInteger k, int from, int mask) {
        if (from >= k.bitLength()) {
            return 0;
        }
        return k.shiftRight(from).intValue() & mask;
    }
}
