package io.zgnode.da.erasure.internal;

/**
 * Multiplication by a constant as a 16 x 16 matrix over GF(2), for every constant of the field.
 *
 * <p>Multiplying by c is GF(2)-linear on the 16 bits of a symbol: bit i of {@code c * y} is the parity of
 * {@code row(c, i) & y}, where bit j of {@code row(c, i)} is bit i of {@code c * v_j}. On bit-sliced data
 * (bit i of many symbols in one plane) that is 16 XOR sums of planes, which is how
 * {@link PlaneKernel} multiplies whole shards. The matrix is linear in c too, so the table for all 65536
 * constants is built from the 16 matrices of the basis elements by XOR (2 MiB, built once on first use).
 */
public final class MulMatrices {

    private static final char[] ROWS = build();

    private MulMatrices() {
    }

    /** Rows of the matrix of c: {@code rows()[offset(c) + i]} for i in [0, 16). */
    public static char[] rows() {
        return ROWS;
    }

    public static int offset(int c) {
        return c << 4;
    }

    private static char[] build() {
        char[] rows = new char[Gf16.ORDER * Gf16.BITS];
        for (int b = 0; b < Gf16.BITS; b++) {
            int c = 1 << b;
            for (int j = 0; j < Gf16.BITS; j++) {
                int column = Gf16.mul(c, Gf16.basis(j));
                for (int i = 0; i < Gf16.BITS; i++) {
                    rows[(c << 4) + i] |= (char) (((column >>> i) & 1) << j);
                }
            }
        }
        for (int c = 3; c < Gf16.ORDER; c++) {
            int low = c & -c;
            if (low == c) {
                continue;
            }
            int rest = c ^ low;
            for (int i = 0; i < Gf16.BITS; i++) {
                rows[(c << 4) + i] = (char) (rows[(rest << 4) + i] ^ rows[(low << 4) + i]);
            }
        }
        return rows;
    }
}
