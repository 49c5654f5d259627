package io.zgnode.crypto;

import io.zgnode.crypto.internal.Checks;
import io.zgnode.crypto.internal.Secp256k1Curve;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * A secp256k1 private key of an Ethereum account: an integer in [1, n-1], written as 32 bytes
 * big-endian. Its public key is computed once, when the key is made. {@link #toString()} never
 * shows the key.
 */
public final class PrivateKey {
    public static final int LENGTH = 32;

    private final BigInteger d;
    private final PublicKey publicKey;

    private PrivateKey(BigInteger d) {
        this.d = d;
        this.publicKey = PublicKey.fromPoint(Secp256k1Curve.multiplyG(d));
    }

    /**
     * The key with these 32 big-endian bytes.
     *
     * @throws IllegalArgumentException if {@code bytes} is not 32 bytes or its value is 0 or >= n
     */
    public static PrivateKey of(byte[] bytes) {
        Checks.requireLength(bytes, LENGTH, "private key");
        BigInteger d = new BigInteger(1, bytes);
        if (!Secp256k1Curve.isInScalarRange(d)) {
            throw new IllegalArgumentException("private key must be in [1, n-1] of secp256k1");
        }
        return new PrivateKey(d);
    }

    /** A new key drawn uniformly from [1, n-1]. */
    public static PrivateKey random(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] candidate = new byte[LENGTH];
        BigInteger d;
        do {
            random.nextBytes(candidate);
            d = new BigInteger(1, candidate);
        } while (!Secp256k1Curve.isInScalarRange(d));
        return new PrivateKey(d);
    }

    /** The key as 32 bytes, big-endian. */
    public byte[] bytes() {
        return BigIntegers.asUnsignedByteArray(LENGTH, d);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The Ethereum address of this key's account. */
    public byte[] address() {
        return publicKey.address();
    }

    /**
     * Signs a 32-byte hash. The nonce is derived from the key and the hash (RFC 6979, HMAC-SHA256),
     * so the same key and hash always give the same signature, the one geth and ethers produce.
     * s is always low (EIP-2).
     *
     * <p>Written out rather than using BouncyCastle's ECDSASigner because the signer must also
     * return the recovery id, which needs the point R that ECDSASigner keeps to itself.
     *
     * @throws IllegalArgumentException if {@code hash} is not 32 bytes
     */
    public Signature sign(byte[] hash) {
        Checks.requireLength(hash, 32, "hash");
        BigInteger n = Secp256k1Curve.N;
        BigInteger e = new BigInteger(1, hash);
        HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
        nonces.init(n, d, hash);
        while (true) {
            BigInteger k = nonces.nextK();
            ECPoint bigR = Secp256k1Curve.multiplyG(k);
            BigInteger r = bigR.getAffineXCoord().toBigInteger();
            // x >= n would need recovery id 2 or 3, which Ethereum cannot carry (odds ~2^-128): take the next nonce
            if (r.signum() == 0 || r.compareTo(n) >= 0) {
                continue;
            }
            BigInteger s = BigIntegers.modOddInverse(n, k).multiply(e.add(d.multiply(r))).mod(n);
            if (s.signum() == 0) {
                continue;
            }
            int recoveryId = bigR.getAffineYCoord().testBitZero() ? 1 : 0;
            if (s.compareTo(Secp256k1Curve.HALF_N) > 0) {
                // (r, n - s) is the same signature for the point -R, whose y has the other parity
                s = n.subtract(s);
                recoveryId ^= 1;
            }
            return new Signature(r, s, recoveryId);
        }
    }

    /** Compares in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PrivateKey that && MessageDigest.isEqual(bytes(), that.bytes());
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    @Override
    public String toString() {
        return "PrivateKey[address=" + Hex.encode(publicKey.address()) + "]";
    }
}
