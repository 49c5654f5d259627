package io.zgnode.da.erasure.internal;

import java.util.Arrays;

/**
 * Computes the rows at some points of the code from k known rows at others, by the erasure-locator
 * method of Lin, Al-Naffouri, Han and Chung as Leopard-RS applies it.
 *
 * <p>Let P be the codeword polynomial (degree below {@code size - span}) and e the erasure locator of the
 * unknown points E, at most span of them. Then {@code Q = e * P} has degree below size and is known at
 * every point: {@code e(w_i) * P(w_i)} at known points, 0 at erased ones. An inverse FFT gives Q's
 * coefficients, the formal derivative {@code Q' = e' P + e P'} (added to Q, which vanishes at the erased
 * points), an FFT its values, and at an erased point {@code P(w_j) = Q'(w_j) / e'(w_j)}. The multipliers
 * come from {@link ErasureLocator} once per call; per tile it is one multiplication per known row, an
 * inverse FFT, the derivative, an FFT pruned to the wanted points, and one multiplication per wanted
 * row.
 */
public final class Recovery implements Tiles.Job {

    private final CodeLayout layout;
    private final int[] knownPositions;
    private final byte[][] knownShards;
    private final int[] knownFactors;
    private final int[] wantedPositions;
    private final byte[][] wantedShards;
    private final int[] wantedFactors;
    private final boolean[] needed;

    /**
     * @param known     for each code point, the shard known there (exactly k of them, at most span
     *                  points of [0, span + k) left without), or null
     * @param wanted    for each code point, the shard to fill with the recovered row, or null; only
     *                  points without a known shard
     */
    public Recovery(CodeLayout layout, byte[][] known, byte[][] wanted) {
        this.layout = layout;
        int size = layout.size;
        boolean[] erased = new boolean[size];
        int knownCount = 0;
        int wantedCount = 0;
        for (int p = 0; p < size; p++) {
            erased[p] = p < layout.span + layout.dataRows && known[p] == null;
            knownCount += known[p] == null ? 0 : 1;
            wantedCount += wanted[p] == null ? 0 : 1;
        }
        int[] logs = ErasureLocator.logs(erased, layout.logWalsh());
        knownPositions = new int[knownCount];
        knownShards = new byte[knownCount][];
        knownFactors = new int[knownCount];
        wantedPositions = new int[wantedCount];
        wantedShards = new byte[wantedCount][];
        wantedFactors = new int[wantedCount];
        needed = new boolean[size];
        for (int p = 0, kn = 0, wa = 0; p < size; p++) {
            if (known[p] != null) {
                knownPositions[kn] = p;
                knownShards[kn] = known[p];
                knownFactors[kn++] = Gf16.exp(logs[p]);
            }
            if (wanted[p] != null) {
                wantedPositions[wa] = p;
                wantedShards[wa] = wanted[p];
                wantedFactors[wa++] = Gf16.exp((Gf16.MODULUS - logs[p]) % Gf16.MODULUS);
                needed[p] = true;
            }
        }
    }

    @Override
    public int positions() {
        return layout.size;
    }

    @Override
    public void tile(Workspace ws, int firstLong, int lanes) {
        int size = layout.size;
        Arrays.fill(ws.zero, 0, size, true);
        for (int i = 0; i < knownPositions.length; i++) {
            int p = knownPositions[i];
            ShardPlanes.load(knownShards[i], firstLong, ws, p);
            ws.kernel.mulInPlace(ws.rows[p], knownFactors[i], lanes);
            ws.zero[p] = false;
        }
        AdditiveFft.ifft(ws, 0, size, 0);
        ws.materializeZeros(0, size);
        AdditiveFft.addFormalDerivative(ws, 0, size);
        AdditiveFft.fft(ws, 0, size, 0, needed);
        for (int i = 0; i < wantedPositions.length; i++) {
            int p = wantedPositions[i];
            ws.kernel.mulInPlace(ws.rows[p], wantedFactors[i], lanes);
            ShardPlanes.store(ws, p, wantedShards[i], firstLong);
        }
    }
}
