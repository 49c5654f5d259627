package io.zgnode.da.erasure.internal;

import java.util.Arrays;

/**
 * Field arithmetic on bit-sliced symbols: a row is 16 planes ({@code long[16][]}), plane i holding bit i
 * of 64 symbols per long; the first {@code lanes} longs of each plane are used.
 *
 * <p>Multiplying a row by a constant c computes, for each output plane i, the XOR of the input planes
 * selected by row i of c's {@link MulMatrices matrix}. The input planes are taken four at a time and all
 * 16 XOR combinations of each group are formed once (the method of four Russians), so each output plane
 * is the XOR of just four planes: no per-symbol table lookup, 44 + 16 simple loops per tile.
 *
 * <p>Each loop has a small body over one index and reads and writes distinct arrays at that same index:
 * that is what C2 (Java 17) unrolls and vectorizes. Planes in one flat array at different offsets run
 * about half as fast, which is why a row is 16 arrays.
 *
 * <p>One instance per thread: it owns the combination scratch.
 */
public final class PlaneKernel {

    public static final int PLANES = Gf16.BITS;
    private static final int GROUPS = 4;
    private static final char[] ROWS = MulMatrices.rows();
    /** Group combinations of two or more planes, always computed into scratch. */
    private static final int[] MULTI_BIT = {3, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15};

    /** Entry {@code 16g + s}: XOR of the planes of group g selected by the bits of s (0: zeros). */
    private final long[][] combos = new long[GROUPS * 16][];
    private final long[][] scratch;

    public PlaneKernel(int width) {
        scratch = new long[GROUPS * 16][width];
        long[] zeros = new long[width];
        for (int g = 0; g < GROUPS; g++) {
            combos[16 * g] = zeros;
            for (int s : MULTI_BIT) {
                combos[16 * g + s] = scratch[16 * g + s];
            }
        }
    }

    /** A new row of 16 zero planes. */
    public static long[][] newRow(int width) {
        return new long[PLANES][width];
    }

    /** {@code a += c * b}; a and b are different rows. */
    public void mulAdd(long[][] a, long[][] b, int c, int lanes) {
        if (c == 0) {
            return;
        }
        combine(b, lanes, false);
        output(a, c, lanes, true);
    }

    /** {@code a = c * a}. */
    public void mulInPlace(long[][] a, int c, int lanes) {
        if (c == 1) {
            return;
        }
        combine(a, lanes, true);
        output(a, c, lanes, false);
    }

    /** Plane i of a (added to, or replaced) gets the XOR of the four combinations row i of c's matrix selects. */
    private void output(long[][] a, int c, int lanes, boolean add) {
        int base = MulMatrices.offset(c);
        for (int i = 0; i < PLANES; i++) {
            int row = ROWS[base + i];
            long[] out = a[i];
            long[] u0 = combos[row & 15];
            long[] u1 = combos[16 + ((row >>> 4) & 15)];
            long[] u2 = combos[32 + ((row >>> 8) & 15)];
            long[] u3 = combos[48 + (row >>> 12)];
            if (add) {
                for (int x = 0; x < lanes; x++) {
                    out[x] ^= u0[x] ^ u1[x] ^ u2[x] ^ u3[x];
                }
            } else {
                for (int x = 0; x < lanes; x++) {
                    out[x] = u0[x] ^ u1[x] ^ u2[x] ^ u3[x];
                }
            }
        }
    }

    /** {@code a += b}. */
    public static void add(long[][] a, long[][] b, int lanes) {
        for (int i = 0; i < PLANES; i++) {
            long[] out = a[i];
            long[] in = b[i];
            for (int x = 0; x < lanes; x++) {
                out[x] ^= in[x];
            }
        }
    }

    /** {@code a = b}. */
    public static void copy(long[][] a, long[][] b, int lanes) {
        for (int i = 0; i < PLANES; i++) {
            System.arraycopy(b[i], 0, a[i], 0, lanes);
        }
    }

    public static void clear(long[][] a, int lanes) {
        for (int i = 0; i < PLANES; i++) {
            Arrays.fill(a[i], 0, lanes, 0L);
        }
    }

    /**
     * Sets {@link #combos} for the input row: group g's single planes are the row's planes 4g .. 4g+3
     * (copies, if the row is about to be overwritten), the others their XORs.
     */
    private void combine(long[][] in, int lanes, boolean copySingles) {
        for (int g = 0; g < GROUPS; g++) {
            int at = 16 * g;
            long[] p0 = in[4 * g];
            long[] p1 = in[4 * g + 1];
            long[] p2 = in[4 * g + 2];
            long[] p3 = in[4 * g + 3];
            if (copySingles) {
                p0 = copyInto(scratch[at + 1], p0, lanes);
                p1 = copyInto(scratch[at + 2], p1, lanes);
                p2 = copyInto(scratch[at + 4], p2, lanes);
                p3 = copyInto(scratch[at + 8], p3, lanes);
            }
            combos[at + 1] = p0;
            combos[at + 2] = p1;
            combos[at + 4] = p2;
            combos[at + 8] = p3;
            long[][] t = scratch;
            sum(t[at + 3], p0, p1, lanes);
            sum(t[at + 5], p0, p2, lanes);
            sum(t[at + 6], p1, p2, lanes);
            sum(t[at + 7], t[at + 3], p2, lanes);
            sum(t[at + 9], p0, p3, lanes);
            sum(t[at + 10], p1, p3, lanes);
            sum(t[at + 11], t[at + 3], p3, lanes);
            sum(t[at + 12], p2, p3, lanes);
            sum(t[at + 13], t[at + 5], p3, lanes);
            sum(t[at + 14], t[at + 6], p3, lanes);
            sum(t[at + 15], t[at + 7], p3, lanes);
        }
    }

    private static void sum(long[] out, long[] u, long[] v, int lanes) {
        for (int x = 0; x < lanes; x++) {
            out[x] = u[x] ^ v[x];
        }
    }

    private static long[] copyInto(long[] target, long[] source, int lanes) {
        System.arraycopy(source, 0, target, 0, lanes);
        return target;
    }
}
