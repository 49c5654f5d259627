package io.zgnode.da.erasure.internal;

/**
 * The erasure locator {@code e(x) = product of (x - w_j) over the erased positions j}, evaluated at every
 * position of a code of {@code size = 2^t} points, in the log domain.
 *
 * <p>{@code log e(w_i) = sum over erased j of log(w_i + w_j) = sum over erased j of L(i xor j)} with
 * {@code L(r) = log w_r}: an XOR convolution of the erasure indicator with L, done with two Walsh-Hadamard
 * transforms modulo 65535 (size is a power of two and 65535 odd, so 1/size exists mod 65535). Taking
 * {@code L(0) = 0} makes the erased positions' own factor 1: there the result is
 * {@code log e'(w_j)}, the derivative at the root, which is what recovery divides by. O(size log size),
 * independent of the shard length.
 */
public final class ErasureLocator {

    private static final int Q = Gf16.MODULUS;

    private ErasureLocator() {
    }

    /** The transform of L over {@code size} points, computed once per code. */
    public static int[] logWalsh(int size) {
        int[] logs = new int[size];
        for (int r = 1; r < size; r++) {
            logs[r] = Gf16.log(r);
        }
        walshHadamard(logs);
        return logs;
    }

    /**
     * For each position i in [0, size): {@code log e(w_i)} if i is not erased, {@code log e'(w_i)} if it
     * is; values in [0, 65535).
     */
    public static int[] logs(boolean[] erased, int[] logWalsh) {
        int size = logWalsh.length;
        int[] values = new int[size];
        for (int i = 0; i < size; i++) {
            values[i] = erased[i] ? 1 : 0;
        }
        walshHadamard(values);
        for (int i = 0; i < size; i++) {
            values[i] = (int) ((long) values[i] * logWalsh[i] % Q);
        }
        walshHadamard(values);
        // two transforms multiply by size = 2^t; 2^16 = 1 mod 65535, so 2^(16 - t) undoes it
        long inverseSize = 1L << (Gf16.BITS - Integer.numberOfTrailingZeros(size));
        for (int i = 0; i < size; i++) {
            values[i] = (int) (values[i] * inverseSize % Q);
        }
        return values;
    }

    private static void walshHadamard(int[] values) {
        int size = values.length;
        for (int half = 1; half < size; half <<= 1) {
            for (int start = 0; start < size; start += 2 * half) {
                for (int i = start; i < start + half; i++) {
                    int a = values[i];
                    int b = values[i + half];
                    int sum = a + b;
                    int difference = a - b;
                    values[i] = sum >= Q ? sum - Q : sum;
                    values[i + half] = difference < 0 ? difference + Q : difference;
                }
            }
        }
    }
}
