package io.zgnode.da.erasure.internal;

/**
 * The additive FFT of Lin, Chung and Han over GF(2^16) in the Cantor basis, on rows of a
 * {@link Workspace}.
 *
 * <p>A polynomial of degree below {@code size = 2^t} is held by its coefficients in the novel basis
 * {@code X_i(x) = product of s_j(x) over the set bits j of i} (s_j the subspace polynomials of
 * {@link Gf16}); the FFT evaluates it at the {@code size} points {@code w_(offset + i)}, offset a multiple
 * of size, where {@code w_r} is the element with Cantor representation r. Split at the top bit,
 * {@code D = D_lo + s_(t-1) * D_hi}; on the first half of the points {@code s_(t-1)} is the constant
 * {@code lambda = w_(offset >> (t-1))}, on the second half {@code lambda + 1}, so one butterfly
 * {@code a += lambda * b; b += a} on the coefficient halves leaves the two half-size problems. The
 * inverse runs the layers bottom-up with the inverse butterfly {@code b += a; a += lambda * b}.
 * Blocks are visited depth first, so that the small layers work in cache.
 */
public final class AdditiveFft {

    private AdditiveFft() {
    }

    /**
     * Coefficients in {@code rows[base .. base + size)} to values at {@code w_(offset + i)}. Only the
     * values at positions i with {@code needed[base + i]} are guaranteed; blocks with none are skipped.
     * Every row in the range must be real (no zero flags).
     */
    public static void fft(Workspace ws, int base, int size, int offset, boolean[] needed) {
        int[] prefix = prefixCounts(needed, base, size);
        fftBlock(ws, base, 0, size, offset, prefix);
    }

    private static void fftBlock(Workspace ws, int base, int start, int size, int offset, int[] needed) {
        if (size == 1 || needed[start + size] == needed[start]) {
            return;
        }
        int half = size >>> 1;
        int skew = (offset + start) >>> Integer.numberOfTrailingZeros(half);
        PlaneKernel kernel = ws.kernel;
        long[][][] rows = ws.rows;
        int lanes = ws.lanes;
        for (int x = 0; x < half; x++) {
            long[][] a = rows[base + start + x];
            long[][] b = rows[base + start + half + x];
            kernel.mulAdd(a, b, skew, lanes);
            PlaneKernel.add(b, a, lanes);
        }
        fftBlock(ws, base, start, half, offset, needed);
        fftBlock(ws, base, start + half, half, offset, needed);
    }

    /**
     * Values at {@code w_(offset + i)} in {@code rows[base .. base + size)} to coefficients. Rows flagged
     * zero are zeros; blocks of zeros are skipped and whatever stays zero stays flagged.
     */
    public static void ifft(Workspace ws, int base, int size, int offset) {
        int[] nonzero = new int[size + 1];
        for (int i = 0; i < size; i++) {
            nonzero[i + 1] = nonzero[i] + (ws.zero[base + i] ? 0 : 1);
        }
        ifftBlock(ws, base, 0, size, offset, nonzero);
    }

    private static void ifftBlock(Workspace ws, int base, int start, int size, int offset, int[] nonzero) {
        if (size == 1 || nonzero[start + size] == nonzero[start]) {
            return;
        }
        int half = size >>> 1;
        ifftBlock(ws, base, start, half, offset, nonzero);
        ifftBlock(ws, base, start + half, half, offset, nonzero);
        int skew = (offset + start) >>> Integer.numberOfTrailingZeros(half);
        PlaneKernel kernel = ws.kernel;
        long[][][] rows = ws.rows;
        boolean[] zero = ws.zero;
        int lanes = ws.lanes;
        for (int x = 0; x < half; x++) {
            int ia = base + start + x;
            int ib = ia + half;
            boolean za = zero[ia];
            boolean zb = zero[ib];
            if (za && zb) {
                continue;
            }
            long[][] a = rows[ia];
            long[][] b = rows[ib];
            if (zb) {
                PlaneKernel.copy(b, a, lanes);
                zero[ib] = false;
            } else if (!za) {
                PlaneKernel.add(b, a, lanes);
            }
            if (!za) {
                kernel.mulAdd(a, b, skew, lanes);
            } else if (skew != 0) {
                PlaneKernel.copy(a, b, lanes);
                kernel.mulInPlace(a, skew, lanes);
                zero[ia] = false;
            }
        }
    }

    /**
     * Adds its formal derivative to the polynomial with coefficients in {@code rows[base .. base + size)}:
     * {@code Q += Q'}. In the Cantor basis every s_j has derivative 1, so {@code X_i' = sum of X_(i - 2^j)}
     * over the set bits j of i: coefficient i is added to each i - 2^j. In place, the block of
     * {@code lowbit(i)} rows from i is added to the block just below it, for each i in ascending order
     * (each block is read before it is written). Keeping Q costs nothing where it is used: at the erased
     * points Q vanishes, so there {@code Q + Q' = Q'}. Every row in the range must be real.
     */
    public static void addFormalDerivative(Workspace ws, int base, int size) {
        long[][][] rows = ws.rows;
        int lanes = ws.lanes;
        for (int i = 1; i < size; i++) {
            int width = i & -i;
            for (int t = 0; t < width; t++) {
                PlaneKernel.add(rows[base + i - width + t], rows[base + i + t], lanes);
            }
        }
    }

    /** prefix[i] = number of flags set in {@code flags[base .. base + i)}, for i in [0, size]. */
    private static int[] prefixCounts(boolean[] flags, int base, int size) {
        int[] prefix = new int[size + 1];
        for (int i = 0; i < size; i++) {
            prefix[i + 1] = prefix[i] + (flags[base + i] ? 1 : 0);
        }
        return prefix;
    }
}
