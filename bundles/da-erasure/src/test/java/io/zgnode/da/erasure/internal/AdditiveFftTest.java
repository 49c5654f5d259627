package io.zgnode.da.erasure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The transforms against the definition: novel-basis polynomials evaluated point by point. */
class AdditiveFftTest {

    private final SplittableRandom random = new SplittableRandom(5);

    @Test
    void fftEvaluatesTheNovelBasisPolynomialAtTheCosetPoints() {
        for (int size : new int[] {1, 2, 4, 16, 64}) {
            for (int offset : new int[] {0, size, 5 * size}) {
                Workspace ws = workspace(size);
                int[][] coefficients = randomRows(ws, size);
                AdditiveFft.fft(ws, 0, size, offset, all(size));
                for (int i = 0; i < size; i++) {
                    int[] values = PlaneKernelTest.symbols(ws.rows[i], 1);
                    for (int s = 0; s < 64; s++) {
                        assertThat(values[s]).as("size %d offset %d point %d", size, offset, i)
                                .isEqualTo(evaluate(coefficients, s, offset + i));
                    }
                }
            }
        }
    }

    @Test
    void inverseFftUndoesTheFft() {
        for (int size : new int[] {2, 8, 128}) {
            Workspace ws = workspace(size);
            int[][] coefficients = randomRows(ws, size);
            AdditiveFft.fft(ws, 0, size, 2 * size, all(size));
            AdditiveFft.ifft(ws, 0, size, 2 * size);
            for (int i = 0; i < size; i++) {
                assertThat(PlaneKernelTest.symbols(ws.rows[i], 1)).isEqualTo(coefficients[i]);
            }
        }
    }

    @Test
    void inverseFftTreatsRowsFlaggedZeroAsZeros() {
        int size = 32;
        Workspace flagged = workspace(size);
        Workspace explicit = workspace(size);
        randomRows(flagged, size);
        for (int i = 0; i < size; i++) {
            boolean zero = i % 3 == 0 || i >= 20;
            PlaneKernel.copy(explicit.rows[i], flagged.rows[i], 1);
            if (zero) {
                PlaneKernel.clear(explicit.rows[i], 1);
                Arrays.fill(flagged.rows[i][3], -1L); // garbage that must never be read
                flagged.zero[i] = true;
            }
        }
        AdditiveFft.ifft(flagged, 0, size, 0);
        flagged.materializeZeros(0, size);
        AdditiveFft.ifft(explicit, 0, size, 0);
        for (int i = 0; i < size; i++) {
            assertThat(PlaneKernelTest.symbols(flagged.rows[i], 1)).isEqualTo(PlaneKernelTest.symbols(explicit.rows[i], 1));
        }
    }

    @Test
    void prunedFftComputesTheNeededPoints() {
        int size = 64;
        Workspace full = workspace(size);
        Workspace pruned = workspace(size);
        randomRows(full, size);
        for (int i = 0; i < size; i++) {
            PlaneKernel.copy(pruned.rows[i], full.rows[i], 1);
        }
        boolean[] needed = new boolean[size];
        needed[5] = needed[40] = needed[41] = needed[63] = true;
        AdditiveFft.fft(full, 0, size, 0, all(size));
        AdditiveFft.fft(pruned, 0, size, 0, needed);
        for (int i = 0; i < size; i++) {
            if (needed[i]) {
                assertThat(PlaneKernelTest.symbols(pruned.rows[i], 1)).isEqualTo(PlaneKernelTest.symbols(full.rows[i], 1));
            }
        }
    }

    /** X_i' = sum over set bits j of i of X_(i - 2^j), since every s_j has derivative 1 in the Cantor basis. */
    @Test
    void addFormalDerivativeAddsTheDerivativeOfEachBasisPolynomial() {
        int size = 32;
        Workspace ws = workspace(size);
        int[][] coefficients = randomRows(ws, size);
        AdditiveFft.addFormalDerivative(ws, 0, size);
        AdditiveFft.fft(ws, 0, size, 0, all(size));
        for (int point = 0; point < size; point++) {
            int[] values = PlaneKernelTest.symbols(ws.rows[point], 1);
            for (int s = 0; s < 64; s++) {
                int expected = evaluate(coefficients, s, point);
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < 5; j++) {
                        if ((i >>> j & 1) != 0) {
                            expected ^= Gf16.mul(coefficients[i][s], basisPolynomial(i ^ (1 << j), point));
                        }
                    }
                }
                assertThat(values[s]).isEqualTo(expected);
            }
        }
    }

    private static Workspace workspace(int size) {
        Workspace ws = Workspace.take(size, 1);
        ws.lanes = 1;
        Arrays.fill(ws.zero, false);
        return ws;
    }

    private int[][] randomRows(Workspace ws, int size) {
        int[][] symbols = new int[size][];
        for (int i = 0; i < size; i++) {
            for (long[] plane : ws.rows[i]) {
                plane[0] = random.nextLong();
            }
            symbols[i] = PlaneKernelTest.symbols(ws.rows[i], 1);
        }
        return symbols;
    }

    private static boolean[] all(int size) {
        boolean[] needed = new boolean[size];
        Arrays.fill(needed, true);
        return needed;
    }

    /** sum of d_i X_i(w_r) for symbol column s. */
    private static int evaluate(int[][] coefficients, int s, int r) {
        int value = 0;
        for (int i = 0; i < coefficients.length; i++) {
            value ^= Gf16.mul(coefficients[i][s], basisPolynomial(i, r));
        }
        return value;
    }

    /** X_i(w_r): the product of s_j(w_r) over the set bits j of i, s_j computed by its recurrence. */
    static int basisPolynomial(int i, int r) {
        int product = 1;
        int s = r;
        for (int j = 0; j < Gf16.BITS; j++) {
            if ((i >>> j & 1) != 0) {
                product = Gf16.mul(product, s);
            }
            s = Gf16.add(Gf16.mul(s, s), s);
        }
        return product;
    }
}
