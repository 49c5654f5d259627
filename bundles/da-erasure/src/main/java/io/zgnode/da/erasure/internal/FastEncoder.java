package io.zgnode.da.erasure.internal;

/**
 * Parity of a {@link CodeLayout#fastEncoding() fast} layout: each coset of {@code span} data points is
 * interpolated (inverse FFT at its offset), the coefficients of all cosets are summed, and the sum is
 * evaluated at the parity points (FFT at offset 0). That the sum is right: the code's polynomials are
 * those whose novel-basis coefficients from {@code size - span} up vanish, and that top block of
 * coefficients of any vector is the sum of its cosets' interpolations; so the parity coset must
 * interpolate to the sum of the data cosets' (the field has characteristic 2).
 */
public final class FastEncoder implements Tiles.Job {

    private final CodeLayout layout;
    private final byte[][] data;
    private final byte[][] parity;
    private final boolean[] needed;

    public FastEncoder(CodeLayout layout, byte[][] data, byte[][] parity) {
        this.layout = layout;
        this.data = data;
        this.parity = parity;
        int span = layout.span;
        this.needed = new boolean[2 * span];
        for (int j = 0; j < layout.parityRows; j++) {
            needed[j] = true;
        }
    }

    @Override
    public int positions() {
        boolean oneCoset = layout.dataRows <= layout.span;
        return oneCoset ? layout.span : 2 * layout.span;
    }

    /** Coefficients summed in rows [0, span), each further coset interpolated in [span, 2 span). */
    @Override
    public void tile(Workspace ws, int firstLong, int lanes) {
        int span = layout.span;
        int k = layout.dataRows;
        for (int from = 0, coset = 1; from < k; from += span, coset++) {
            int base = from == 0 ? 0 : span;
            int count = Math.min(span, k - from);
            for (int d = 0; d < span; d++) {
                boolean present = d < count;
                if (present) {
                    ShardPlanes.load(data[from + d], firstLong, ws, base + d);
                }
                ws.zero[base + d] = !present;
            }
            AdditiveFft.ifft(ws, base, span, coset * span);
            if (base != 0) {
                addInto(ws, span);
            }
        }
        ws.materializeZeros(0, span);
        AdditiveFft.fft(ws, 0, span, 0, needed);
        for (int j = 0; j < layout.parityRows; j++) {
            ShardPlanes.store(ws, j, parity[j], firstLong);
        }
    }

    /** rows [0, span) += rows [span, 2 span), minding zero flags. */
    private static void addInto(Workspace ws, int span) {
        for (int i = 0; i < span; i++) {
            if (ws.zero[span + i]) {
                continue;
            }
            if (ws.zero[i]) {
                PlaneKernel.copy(ws.rows[i], ws.rows[span + i], ws.lanes);
                ws.zero[i] = false;
            } else {
                PlaneKernel.add(ws.rows[i], ws.rows[span + i], ws.lanes);
            }
        }
    }
}
