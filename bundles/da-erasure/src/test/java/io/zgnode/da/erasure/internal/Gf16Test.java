package io.zgnode.da.erasure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class Gf16Test {

    private static final int SAMPLES = 20_000;
    private final SplittableRandom random = new SplittableRandom(16);

    private int element() {
        return random.nextInt(Gf16.ORDER);
    }

    private int nonZero() {
        return 1 + random.nextInt(Gf16.MODULUS);
    }

    @Test
    void additionIsAnAbelianGroupWithZero() {
        for (int n = 0; n < SAMPLES; n++) {
            int a = element();
            int b = element();
            int c = element();
            assertThat(Gf16.add(a, b)).isEqualTo(Gf16.add(b, a));
            assertThat(Gf16.add(Gf16.add(a, b), c)).isEqualTo(Gf16.add(a, Gf16.add(b, c)));
            assertThat(Gf16.add(a, 0)).isEqualTo(a);
            assertThat(Gf16.add(a, a)).isZero();
        }
    }

    @Test
    void multiplicationIsCommutativeAssociativeWithOneAndInverses() {
        for (int n = 0; n < SAMPLES; n++) {
            int a = element();
            int b = element();
            int c = element();
            assertThat(Gf16.mul(a, b)).isEqualTo(Gf16.mul(b, a));
            assertThat(Gf16.mul(Gf16.mul(a, b), c)).isEqualTo(Gf16.mul(a, Gf16.mul(b, c)));
            assertThat(Gf16.mul(a, 1)).isEqualTo(a);
            assertThat(Gf16.mul(a, 0)).isZero();
            int d = nonZero();
            assertThat(Gf16.mul(d, Gf16.inverse(d))).isEqualTo(1);
        }
    }

    @Test
    void multiplicationDistributesOverAddition() {
        for (int n = 0; n < SAMPLES; n++) {
            int a = element();
            int b = element();
            int c = element();
            assertThat(Gf16.mul(a, Gf16.add(b, c))).isEqualTo(Gf16.add(Gf16.mul(a, b), Gf16.mul(a, c)));
        }
    }

    @Test
    void noZeroDivisors() {
        for (int n = 0; n < SAMPLES; n++) {
            assertThat(Gf16.mul(nonZero(), nonZero())).isNotZero();
        }
    }

    @Test
    void logAndExpAreInverseAndTheGeneratorHasFullOrder() {
        Set<Integer> powers = new HashSet<>();
        for (int e = 0; e < Gf16.MODULUS; e++) {
            int x = Gf16.exp(e);
            assertThat(Gf16.log(x)).isEqualTo(e);
            powers.add(x);
        }
        assertThat(powers).hasSize(Gf16.MODULUS).doesNotContain(0);
        assertThatThrownBy(() -> Gf16.log(0)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Gf16.inverse(0)).isInstanceOf(ArithmeticException.class);
    }

    /** An independent multiplication: carry-less product reduced by the modulus, in the polynomial representation. */
    @Test
    void multiplicationAgreesWithPolynomialArithmeticModuloTheModulus() {
        for (int n = 0; n < SAMPLES; n++) {
            int a = element();
            int b = element();
            int expected = Gf16.fromPolynomial(polynomialProduct(Gf16.toPolynomial(a), Gf16.toPolynomial(b)));
            assertThat(Gf16.mul(a, b)).isEqualTo(expected);
        }
    }

    @Test
    void theBasisIsACantorBasis() {
        assertThat(Gf16.toPolynomial(Gf16.basis(0))).isEqualTo(1);
        for (int i = 1; i < Gf16.BITS; i++) {
            int v = Gf16.basis(i);
            assertThat(Gf16.add(Gf16.mul(v, v), v)).as("v_%d^2 + v_%d", i, i).isEqualTo(Gf16.basis(i - 1));
        }
    }

    /** The FFT relies on s_j(w_r) = w_(r >> j), where s_0(x) = x and s_j = s_(j-1)^2 + s_(j-1). */
    @Test
    void subspacePolynomialsShiftTheCantorRepresentation() {
        for (int n = 0; n < 2_000; n++) {
            int r = element();
            int s = r;
            for (int j = 0; j < Gf16.BITS; j++) {
                assertThat(s).as("s_%d(w_%d)", j, r).isEqualTo(r >>> j);
                s = Gf16.add(Gf16.mul(s, s), s);
            }
        }
    }

    private static int polynomialProduct(int a, int b) {
        int product = 0;
        for (int i = 0; i < Gf16.BITS; i++) {
            if ((b >>> i & 1) != 0) {
                product ^= a << i;
            }
        }
        for (int bit = 2 * Gf16.BITS - 2; bit >= Gf16.BITS; bit--) {
            if ((product >>> bit & 1) != 0) {
                product ^= Gf16.POLYNOMIAL << (bit - Gf16.BITS);
            }
        }
        return product;
    }
}
