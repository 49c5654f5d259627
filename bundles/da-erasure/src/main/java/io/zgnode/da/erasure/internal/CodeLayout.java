package io.zgnode.da.erasure.internal;

/**
 * Where the rows of a (k data, p parity) code sit among the points of the additive FFT, after Leopard-RS.
 *
 * <p>The code is the set of evaluations at the points {@code w_0 .. w_(size-1)} of the polynomials of
 * degree below {@code size - span} that vanish at {@code w_(span + k) .. w_(size-1)}: parity row j at
 * point j, data row d at point {@code span + d}, points p .. span-1 carried by no row. That is a
 * Reed-Solomon code shortened and punctured, so it stays MDS: any k of its k + p rows determine it.
 *
 * <p>When {@code span = nextPow2(p)} (the usual case), the parity points form one coset of span points and
 * each span data rows another, so encoding is an inverse FFT per data coset, their sum, and one FFT
 * ({@link #fastEncoding()}). That needs {@code span + k <= 65536}; for the few shapes beyond it
 * (n close to 65536 with p above 16384) {@code span = p} and encoding is a recovery of the parity rows
 * from the data rows.
 */
public final class CodeLayout {

    public final int dataRows;
    public final int parityRows;
    public final int span;
    public final int size;
    private final boolean fast;
    private int[] logWalsh;

    public CodeLayout(int dataRows, int parityRows) {
        this.dataRows = dataRows;
        this.parityRows = parityRows;
        int pow2 = nextPowerOfTwo(Math.max(1, parityRows));
        this.fast = pow2 + dataRows <= Gf16.ORDER;
        this.span = fast ? pow2 : parityRows;
        this.size = nextPowerOfTwo(span + dataRows);
    }

    public boolean fastEncoding() {
        return fast;
    }

    /** The point of row r (data rows first, then parity rows, as the public API numbers them). */
    public int position(int row) {
        return row < dataRows ? span + row : row - dataRows;
    }

    /** The Walsh transform of the logs over {@link #size} points, computed on first use. */
    public synchronized int[] logWalsh() {
        if (logWalsh == null) {
            logWalsh = ErasureLocator.logWalsh(size);
        }
        return logWalsh;
    }

    static int nextPowerOfTwo(int value) {
        return value <= 1 ? 1 : Integer.highestOneBit(value - 1) << 1;
    }
}
