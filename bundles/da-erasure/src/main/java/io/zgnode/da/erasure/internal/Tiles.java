package io.zgnode.da.erasure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Cuts the symbol columns of the shards into tiles and codes them, spread over up to {@code threads}
 * parts. Columns are independent, so the output does not depend on the tiling or the split. Parts
 * beyond the caller's run as tasks of the common fork-join pool (bounded by the machine's cores), so
 * nothing is started that could outlive the call; each part has its own {@link Workspace}.
 */
public final class Tiles {

    /**
     * Longs per plane in a tile, at most: 64 longs = 4096 symbols, 8 KiB of each shard. The kernel's
     * loops only reach full speed from about 32 longs on (C2 vectorizes their main part), and wider tiles
     * cost no more per symbol.
     */
    static final int MAX_WIDTH = 64;
    /** A workspace is kept under this many bytes of rows (32 MiB): narrower tiles for codes of many points. */
    private static final long WORKSPACE_BYTES = 32L << 20;
    /** Below this many shard bytes in all, one thread does it all: handing work over would cost more. */
    private static final long PARALLEL_BYTES = 1L << 20;

    /** Codes the tiles given to one part, in its own workspace. */
    public interface Job {
        /** Rows the job's workspace needs. */
        int positions();

        void tile(Workspace ws, int firstLong, int lanes);
    }

    private Tiles() {
    }

    /** Tile width for a workspace of {@code positions} rows over shards of {@code planeLongs} longs a plane. */
    static int width(int positions, int planeLongs) {
        long perLong = (long) positions * PlaneKernel.PLANES * Long.BYTES;
        long fits = Math.max(1, WORKSPACE_BYTES / perLong);
        return (int) Math.min(Math.min(MAX_WIDTH, fits), planeLongs);
    }

    public static void run(int planeLongs, long totalBytes, int threads, Job job) {
        int width = width(job.positions(), planeLongs);
        int tiles = (planeLongs + width - 1) / width;
        int parts = totalBytes < PARALLEL_BYTES ? 1 : Math.max(1, Math.min(threads, tiles));
        List<ForkJoinTask<?>> others = new ArrayList<>();
        for (int part = 1; part < parts; part++) {
            int from = (int) ((long) tiles * part / parts);
            int to = (int) ((long) tiles * (part + 1) / parts);
            others.add(ForkJoinPool.commonPool().submit(() -> runPart(job, width, from, to, planeLongs)));
        }
        try {
            runPart(job, width, 0, tiles / parts, planeLongs);
        } finally {
            for (ForkJoinTask<?> task : others) {
                task.join();
            }
        }
    }

    private static void runPart(Job job, int width, int fromTile, int toTile, int planeLongs) {
        if (fromTile >= toTile) {
            return;
        }
        Workspace ws = Workspace.take(job.positions(), width);
        for (int tile = fromTile; tile < toTile; tile++) {
            int first = tile * width;
            int lanes = Math.min(width, planeLongs - first);
            ws.lanes = lanes;
            job.tile(ws, first, lanes);
        }
        Workspace.release(ws);
    }
}
