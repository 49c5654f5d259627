package io.zgnode.da.erasure.internal;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * One thread's working rows for one tile of symbol columns: {@code rows[p]} is code position p in
 * bit-sliced form (see {@link PlaneKernel}), {@code zero[p]} says the row is known to be all zero and its
 * arrays are not to be read.
 *
 * <p>A workspace is tens of thousands of small arrays, up to 32 MiB: allocated for every call, they would
 * be copied by each young collection that happens during the call, which costs more than the coding. So
 * calls {@link #take} one and {@link #release} it to a small pool of soft references (at most one per
 * core; the collector may clear them when memory is short), and a busy node keeps reusing a few old ones.
 */
public final class Workspace {

    private static final int POOL_SIZE = Runtime.getRuntime().availableProcessors();
    private static final Deque<SoftReference<Workspace>> POOL = new ArrayDeque<>();

    final long[][][] rows;
    final boolean[] zero;
    final PlaneKernel kernel;
    final int width;
    /** Longs per plane in the current tile, at most {@link #width}. */
    int lanes;

    private Workspace(int positions, int width) {
        this.rows = new long[positions][][];
        for (int p = 0; p < positions; p++) {
            rows[p] = PlaneKernel.newRow(width);
        }
        this.zero = new boolean[positions];
        this.kernel = new PlaneKernel(width);
        this.width = width;
    }

    /** A workspace of at least {@code positions} rows of exactly {@code width} longs a plane. */
    static Workspace take(int positions, int width) {
        synchronized (POOL) {
            for (Iterator<SoftReference<Workspace>> it = POOL.iterator(); it.hasNext();) {
                Workspace ws = it.next().get();
                if (ws == null) {
                    it.remove();
                } else if (ws.width == width && ws.rows.length >= positions) {
                    it.remove();
                    return ws;
                }
            }
        }
        return new Workspace(positions, width);
    }

    /** Gives the workspace back for later calls; the oldest is dropped when the pool is full. */
    static void release(Workspace ws) {
        synchronized (POOL) {
            POOL.addFirst(new SoftReference<>(ws));
            while (POOL.size() > POOL_SIZE) {
                POOL.removeLast();
            }
        }
    }

    /** Makes the rows flagged zero in [from, to) real zeros, so that code reading every row may run. */
    void materializeZeros(int from, int to) {
        for (int p = from; p < to; p++) {
            if (zero[p]) {
                PlaneKernel.clear(rows[p], lanes);
                zero[p] = false;
            }
        }
    }
}
