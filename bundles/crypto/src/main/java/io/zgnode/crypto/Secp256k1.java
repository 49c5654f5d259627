package io.zgnode.crypto;

import io.zgnode.crypto.internal.Checks;
import io.zgnode.crypto.internal.MultiScalarMultiplier;
import io.zgnode.crypto.internal.Secp256k1Curve;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Recovering and verifying Ethereum signatures (ECDSA on secp256k1 over a 32-byte hash).
 * Signing is {@link PrivateKey#sign}.
 */
public final class Secp256k1 {
    /** Whether a signature with s > n/2 is acceptable. */
    public enum HighS {
        /** Accept it, as the ecrecover precompile and plain ECDSA do. */
        ACCEPT,
        /** Reject it, as Ethereum does for transactions since Homestead (EIP-2). */
        REJECT
    }

    /** The batch check's random factors: unpredictable to whoever chose the claims. */
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secp256k1() {
    }

    /** {@link #recover(byte[], Signature, HighS)} accepting high s. */
    public static PublicKey recover(byte[] hash, Signature signature) throws InvalidSignatureException {
        return recover(hash, signature, HighS.ACCEPT);
    }

    /**
     * The public key that made {@code signature} over {@code hash}.
     *
     * <p>Q = r^-1 (s R - e G), computed as one interleaved double-scalar multiplication
     * (BouncyCastle's Shamir's trick over the GLV endomorphism, with G's table cached), after
     * decompressing R once from r and the recovery id.
     *
     * @throws IllegalArgumentException if {@code hash} is not 32 bytes
     * @throws InvalidSignatureException if r or s is not in [1, n-1], s is high and
     *     {@code highS} is REJECT, or no key can have made the signature
     */
    public static PublicKey recover(byte[] hash, Signature signature, HighS highS) throws InvalidSignatureException {
        Checks.requireLength(hash, 32, "hash");
        BigInteger r = signature.r();
        BigInteger s = signature.s();
        requireScalars(r, s);
        if (highS == HighS.REJECT && !signature.isLowS()) {
            throw new InvalidSignatureException("signature s is greater than n/2 (EIP-2 requires low s)");
        }
        ECPoint bigR;
        try {
            bigR = Secp256k1Curve.decompress(r, signature.recoveryId() == 1);
        } catch (IllegalArgumentException e) {
            throw new InvalidSignatureException("signature r is not the x-coordinate of a point on secp256k1");
        }
        BigInteger n = Secp256k1Curve.N;
        BigInteger rInverse = BigIntegers.modOddInverseVar(n, r);
        BigInteger gFactor = n.subtract(new BigInteger(1, hash)).multiply(rInverse).mod(n); // -e / r
        BigInteger rFactor = s.multiply(rInverse).mod(n); // s / r
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(Secp256k1Curve.G, gFactor, bigR, rFactor);
        if (q.isInfinity()) {
            throw new InvalidSignatureException("signature recovers to the point at infinity");
        }
        return PublicKey.fromPoint(q);
    }

    /**
     * True if {@code signature} over {@code hash} was made by {@code key}: plain ECDSA
     * verification, which ignores the recovery id and accepts high s.
     *
     * @throws IllegalArgumentException if {@code hash} is not 32 bytes
     */
    public static boolean verify(byte[] hash, Signature signature, PublicKey key) {
        Checks.requireLength(hash, 32, "hash");
        BigInteger r = signature.r();
        BigInteger s = signature.s();
        if (!Secp256k1Curve.isInScalarRange(r) || !Secp256k1Curve.isInScalarRange(s)) {
            return false;
        }
        BigInteger n = Secp256k1Curve.N;
        BigInteger sInverse = BigIntegers.modOddInverseVar(n, s);
        BigInteger u1 = new BigInteger(1, hash).multiply(sInverse).mod(n);
        BigInteger u2 = r.multiply(sInverse).mod(n);
        ECPoint point = ECAlgorithms.sumOfTwoMultiplies(Secp256k1Curve.G, u1, key.point(), u2).normalize();
        return !point.isInfinity() && point.getAffineXCoord().toBigInteger().mod(n).equals(r);
    }

    /**
     * True if every claim holds: {@link #recover(byte[], Signature, HighS)} of its hash and
     * signature would give exactly its key (and would not throw). False if any does not, without
     * saying which: check those one by one.
     *
     * <p>One check for the whole batch instead of a recovery each. Each claim i states
     * s R = e G + r Q, with R the point of x-coordinate r and the recovery id's y parity (what
     * recovery computes: it solves the same equation for Q); equivalently R - u1 G - u2 Q = 0 with
     * u1 = e/s and u2 = r/s. The batch holds if the sum over i of z_i (R_i - u1_i G - u2_i Q_i) is
     * the point at infinity for random 128-bit z_i, drawn here: if any claim is false, that sum is
     * zero with probability at most 2^-128 whatever the claims, since the group has prime order.
     * The sum is one multi-scalar multiplication (G once, each R with a 128-bit factor), about half
     * the work of recovering each signature on its own for batches of a hundred or more.
     *
     * @throws IllegalArgumentException if {@code claims} is empty
     */
    public static boolean recoverToClaimedKeys(List<SignatureClaim> claims, HighS highS) {
        if (claims.isEmpty()) {
            throw new IllegalArgumentException("no claims to check");
        }
        BigInteger n = Secp256k1Curve.N;
        byte[] randomness = new byte[16 * claims.size()];
        RANDOM.nextBytes(randomness);
        MultiScalarMultiplier sum = new MultiScalarMultiplier();
        BigInteger gFactor = BigInteger.ZERO;
        for (int i = 0; i < claims.size(); i++) {
            SignatureClaim claim = claims.get(i);
            BigInteger r = claim.signature().r();
            BigInteger s = claim.signature().s();
            if (!Secp256k1Curve.isInScalarRange(r) || !Secp256k1Curve.isInScalarRange(s)
                    || highS == HighS.REJECT && !claim.signature().isLowS()) {
                return false;
            }
            ECPoint bigR;
            try {
                bigR = Secp256k1Curve.decompress(r, claim.signature().recoveryId() == 1);
            } catch (IllegalArgumentException e) {
                return false;
            }
            // z = 0 would drop the claim from the sum: never drawn
            BigInteger z = new BigInteger(1, Arrays.copyOfRange(randomness, 16 * i, 16 * i + 16)).setBit(0);
            BigInteger zOverS = z.multiply(BigIntegers.modOddInverseVar(n, s)).mod(n);
            sum.add(bigR, z);
            sum.add(claim.key().point(), n.subtract(zOverS.multiply(r).mod(n)));
            gFactor = gFactor.add(zOverS.multiply(new BigInteger(1, claim.hash())));
        }
        sum.add(Secp256k1Curve.G, n.subtract(gFactor.mod(n)));
        return sum.sum().isInfinity();
    }

    private static void requireScalars(BigInteger r, BigInteger s) throws InvalidSignatureException {
        if (!Secp256k1Curve.isInScalarRange(r)) {
            throw new InvalidSignatureException("signature r is not in [1, n-1]");
        }
        if (!Secp256k1Curve.isInScalarRange(s)) {
            throw new InvalidSignatureException("signature s is not in [1, n-1]");
        }
    }
}
