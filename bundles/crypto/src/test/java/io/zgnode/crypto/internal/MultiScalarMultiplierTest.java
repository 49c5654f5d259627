package io.zgnode.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** Pippenger's sum against BouncyCastle's own multiplications, point by point. */
class MultiScalarMultiplierTest {

    private static final BigInteger N = Secp256k1Curve.N;
    private final SplittableRandom random = new SplittableRandom(3);

    private BigInteger randomScalar(int bits) {
        byte[] bytes = new byte[(bits + 7) / 8];
        random.nextBytes(bytes);
        return new BigInteger(1, bytes).shiftRight(bytes.length * 8 - bits).mod(N);
    }

    private ECPoint randomPoint() {
        return Secp256k1Curve.multiplyG(randomScalar(256).add(BigInteger.ONE));
    }

    @Test
    void sumsLikeMultiplyingEachPoint() {
        for (int count : new int[] {1, 2, 5, 31, 200}) {
            MultiScalarMultiplier msm = new MultiScalarMultiplier();
            ECPoint expected = Secp256k1Curve.CURVE.getInfinity();
            for (int i = 0; i < count; i++) {
                ECPoint point = randomPoint();
                // mixed widths: the 128-bit path, the GLV split, and the edges
                BigInteger k = switch (i % 5) {
                    case 0 -> randomScalar(128);
                    case 1 -> randomScalar(256);
                    case 2 -> N.subtract(BigInteger.ONE);
                    case 3 -> BigInteger.ONE;
                    default -> randomScalar(64);
                };
                msm.add(i % 2 == 0 ? point : point.twice(), k); // projective points too
                expected = expected.add((i % 2 == 0 ? point : point.twice()).multiply(k));
            }
            assertThat(msm.sum().normalize()).as("%d points", count).isEqualTo(expected.normalize());
        }
    }

    @Test
    void scalarsAreTakenModNAndCancellingTermsGiveInfinity() {
        ECPoint p = randomPoint();
        BigInteger k = randomScalar(256);
        MultiScalarMultiplier msm = new MultiScalarMultiplier().add(p, k).add(p, N.subtract(k)).add(randomPoint(), BigInteger.ZERO).add(p, N);
        assertThat(msm.sum().isInfinity()).isTrue();
        assertThat(new MultiScalarMultiplier().sum().isInfinity()).as("empty").isTrue();
        assertThat(new MultiScalarMultiplier().add(p, N.add(BigInteger.TWO)).sum().normalize()).isEqualTo(p.twice().normalize());
    }

    @Test
    void signedDigitsRebuildTheScalar() {
        for (int c = 2; c <= 10; c++) {
            for (int i = 0; i < 50; i++) {
                BigInteger k = randomScalar(i % 2 == 0 ? 129 : 64);
                int windows = (k.bitLength() + c) / c + 1;
                int[] digits = MultiScalarMultiplier.signedDigits(k, c, windows);
                BigInteger rebuilt = BigInteger.ZERO;
                for (int w = windows - 1; w >= 0; w--) {
                    assertThat(Math.abs(digits[w])).isLessThanOrEqualTo(1 << (c - 1));
                    rebuilt = rebuilt.shiftLeft(c).add(BigInteger.valueOf(digits[w]));
                }
                assertThat(rebuilt).isEqualTo(k);
            }
        }
    }
}
