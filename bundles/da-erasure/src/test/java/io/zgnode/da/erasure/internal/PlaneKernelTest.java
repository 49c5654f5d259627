package io.zgnode.da.erasure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Bit-sliced arithmetic against the scalar field, symbol by symbol. */
class PlaneKernelTest {

    private static final int WIDTH = 5;
    private final SplittableRandom random = new SplittableRandom(3);
    private final PlaneKernel kernel = new PlaneKernel(WIDTH);

    @Test
    void mulAddMultipliesEverySymbolByTheConstant() {
        for (int n = 0; n < 200; n++) {
            long[][] a = randomRow();
            long[][] b = randomRow();
            int c = n < 3 ? n : random.nextInt(Gf16.ORDER);
            int lanes = 1 + random.nextInt(WIDTH);
            int[] before = symbols(a, lanes);
            int[] factors = symbols(b, lanes);
            kernel.mulAdd(a, b, c, lanes);
            int[] after = symbols(a, lanes);
            for (int s = 0; s < after.length; s++) {
                assertThat(after[s]).isEqualTo(before[s] ^ Gf16.mul(c, factors[s]));
            }
            assertThat(symbols(b, lanes)).isEqualTo(factors);
        }
    }

    @Test
    void mulInPlaceMultipliesEverySymbolByTheConstant() {
        for (int n = 0; n < 200; n++) {
            long[][] a = randomRow();
            int c = n < 3 ? n : random.nextInt(Gf16.ORDER);
            int[] before = symbols(a, WIDTH);
            kernel.mulInPlace(a, c, WIDTH);
            int[] after = symbols(a, WIDTH);
            for (int s = 0; s < after.length; s++) {
                assertThat(after[s]).isEqualTo(Gf16.mul(c, before[s]));
            }
        }
    }

    @Test
    void lanesBeyondTheTileAreLeftAlone() {
        long[][] a = randomRow();
        long[][] b = randomRow();
        long last = a[7][WIDTH - 1];
        kernel.mulAdd(a, b, 12345, WIDTH - 1);
        PlaneKernel.add(a, b, WIDTH - 1);
        assertThat(a[7][WIDTH - 1]).isEqualTo(last);
    }

    private long[][] randomRow() {
        long[][] row = PlaneKernel.newRow(WIDTH);
        for (long[] plane : row) {
            for (int x = 0; x < WIDTH; x++) {
                plane[x] = random.nextLong();
            }
        }
        return row;
    }

    /** The symbols of a row: symbol 64x + b has bit i at bit b of plane i's long x. */
    static int[] symbols(long[][] row, int lanes) {
        int[] symbols = new int[lanes * 64];
        for (int s = 0; s < symbols.length; s++) {
            int value = 0;
            for (int i = 0; i < PlaneKernel.PLANES; i++) {
                value |= (int) ((row[i][s / 64] >>> (s % 64)) & 1) << i;
            }
            symbols[s] = value;
        }
        return symbols;
    }
}
