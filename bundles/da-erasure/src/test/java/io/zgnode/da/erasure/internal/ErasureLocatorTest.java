package io.zgnode.da.erasure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ErasureLocatorTest {

    @Test
    void logsAreTheLocatorAtKnownPointsAndItsDerivativeAtErasedOnes() {
        SplittableRandom random = new SplittableRandom(9);
        for (int size : new int[] {1, 2, 16, 256, 4096}) {
            for (int trial = 0; trial < 3; trial++) {
                boolean[] erased = new boolean[size];
                for (int i = 0; i < size; i++) {
                    erased[i] = random.nextInt(3) == 0;
                }
                int[] logs = ErasureLocator.logs(erased, ErasureLocator.logWalsh(size));
                for (int i = 0; i < size; i += Math.max(1, size / 64)) {
                    int expected = 1;
                    for (int j = 0; j < size; j++) {
                        if (erased[j] && j != i) {
                            expected = Gf16.mul(expected, Gf16.add(i, j));
                        }
                    }
                    assertThat(Gf16.exp(logs[i])).as("size %d point %d", size, i).isEqualTo(expected);
                }
            }
        }
    }
}
