package io.zgnode.da.erasure;

import io.zgnode.da.erasure.internal.CodeLayout;
import io.zgnode.da.erasure.internal.FastEncoder;
import io.zgnode.da.erasure.internal.Recovery;
import io.zgnode.da.erasure.internal.ShardPlanes;
import io.zgnode.da.erasure.internal.Tiles;

/**
 * A systematic Reed-Solomon erasure code over GF(2^16): k data shards are extended with n - k parity
 * shards, and any k of the n shards, data or parity in any positions, give back the data.
 *
 * <p>Rows are numbered as a blob lays them out: data shards 0 .. k-1, then parity shards k .. n-1. All
 * shards of a call have the same length, a positive multiple of {@link #SHARD_LENGTH_MULTIPLE} bytes (the
 * caller pads); a shard is 16 bit planes of {@code length / 16} bytes, so it holds {@code length / 2}
 * symbols, each coded independently.
 *
 * <p>The code detects nothing: a corrupted shard handed to {@link #decode} silently yields wrong data.
 * Check every shard against its Merkle proof before decoding; that is the proofs' job, not the code's.
 *
 * <p>Instances are immutable and thread-safe. A call on large shards (1 MiB in all or more) splits the
 * symbol columns over up to {@link #withThreads(int) threads} parts, the caller's thread and tasks of the
 * common fork-join pool; the output does not depend on the split. Working buffers (at most 32 MiB each)
 * are kept between calls, one per core at most, softly referenced.
 *
 * <p>Cost: O(n log n) field operations per symbol column, for encoding and for decoding alike
 * ({@code bench/run erasure} measures both at 0G's shape).
 */
public final class ReedSolomon {

    /** Shard lengths are multiples of this many bytes. */
    public static final int SHARD_LENGTH_MULTIPLE = ShardPlanes.LENGTH_MULTIPLE;
    /** The field has 65536 points: at most that many shards. */
    public static final int MAX_SHARDS = 1 << 16;

    private final int dataShards;
    private final int totalShards;
    private final int threads;
    private final CodeLayout layout;

    private ReedSolomon(int dataShards, int totalShards, int threads, CodeLayout layout) {
        this.dataShards = dataShards;
        this.totalShards = totalShards;
        this.threads = threads;
        this.layout = layout;
    }

    /**
     * The code with {@code dataShards} data shards among {@code totalShards}; it uses up to as many threads
     * as the machine has cores.
     *
     * @throws IllegalArgumentException unless {@code 1 <= dataShards <= totalShards <= 65536}
     */
    public static ReedSolomon of(int dataShards, int totalShards) {
        if (dataShards < 1 || totalShards < dataShards || totalShards > MAX_SHARDS) {
            throw new IllegalArgumentException("a Reed-Solomon code needs 1 <= data shards <= total shards <= " + MAX_SHARDS
                    + ", not " + dataShards + " of " + totalShards);
        }
        return new ReedSolomon(dataShards, totalShards, Runtime.getRuntime().availableProcessors(),
                new CodeLayout(dataShards, totalShards - dataShards));
    }

    /** The same code, coding on at most {@code threads} threads (1: only the caller's). */
    public ReedSolomon withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        return new ReedSolomon(dataShards, totalShards, threads, layout);
    }

    public int dataShards() {
        return dataShards;
    }

    public int parityShards() {
        return totalShards - dataShards;
    }

    public int totalShards() {
        return totalShards;
    }

    /** The smallest valid shard length that holds {@code bytes} bytes. */
    public static int shardLength(int bytes) {
        if (bytes < 0 || bytes > Integer.MAX_VALUE - SHARD_LENGTH_MULTIPLE) {
            throw new IllegalArgumentException("no shard length for " + bytes + " bytes");
        }
        return Math.max(1, (bytes + SHARD_LENGTH_MULTIPLE - 1) / SHARD_LENGTH_MULTIPLE) * SHARD_LENGTH_MULTIPLE;
    }

    /**
     * The parity shards of {@code data} (new arrays, rows k .. n-1 in order); the data shards are the
     * first k rows as they are.
     *
     * @throws IllegalArgumentException if there are not k data shards, one is null, or their lengths
     *                                  differ or are not a positive multiple of 128
     */
    public byte[][] encode(byte[][] data) {
        if (data == null || data.length != dataShards) {
            throw new IllegalArgumentException("expected " + dataShards + " data shards, got " + (data == null ? "none" : data.length));
        }
        int length = commonLength(data, true);
        byte[][] parity = new byte[parityShards()][length];
        if (parity.length == 0) {
            return parity;
        }
        long bytes = (long) length * totalShards;
        if (layout.fastEncoding()) {
            Tiles.run(ShardPlanes.planeLongs(length), bytes, threads, new FastEncoder(layout, data, parity));
        } else {
            byte[][] known = new byte[layout.size][];
            byte[][] wanted = new byte[layout.size][];
            for (int d = 0; d < dataShards; d++) {
                known[layout.position(d)] = data[d];
            }
            for (int j = 0; j < parity.length; j++) {
                wanted[layout.position(dataShards + j)] = parity[j];
            }
            Tiles.run(ShardPlanes.planeLongs(length), bytes, threads, new Recovery(layout, known, wanted));
        }
        return parity;
    }

    /**
     * The k data shards from any k or more of the n shards.
     *
     * @param shards all n rows in order (data, then parity), null where a shard is missing; not changed
     * @return the k data shards: those given are returned as they are (the same arrays), the missing ones
     *         are new arrays
     * @throws IllegalArgumentException if there are not n rows, fewer than k are present, or the present
     *                                  ones' lengths differ or are not a positive multiple of 128
     */
    public byte[][] decode(byte[][] shards) {
        if (shards == null || shards.length != totalShards) {
            throw new IllegalArgumentException("expected " + totalShards + " shards (null for missing ones), got "
                    + (shards == null ? "none" : shards.length));
        }
        int present = 0;
        int missingData = 0;
        for (int row = 0; row < totalShards; row++) {
            present += shards[row] == null ? 0 : 1;
            missingData += row < dataShards && shards[row] == null ? 1 : 0;
        }
        if (present < dataShards) {
            throw new IllegalArgumentException("cannot decode: " + present + " of " + totalShards + " shards present, at least "
                    + dataShards + " needed");
        }
        int length = commonLength(shards, false);
        byte[][] data = new byte[dataShards][];
        System.arraycopy(shards, 0, data, 0, dataShards);
        if (missingData == 0) {
            return data;
        }
        byte[][] known = new byte[layout.size][];
        byte[][] wanted = new byte[layout.size][];
        int used = dataShards - missingData;
        for (int d = 0; d < dataShards; d++) {
            if (data[d] == null) {
                data[d] = new byte[length];
                wanted[layout.position(d)] = data[d];
            } else {
                known[layout.position(d)] = data[d];
            }
        }
        // exactly k known rows: each further one would only cost a multiplication and a fuller transform
        for (int row = dataShards; row < totalShards && used < dataShards; row++) {
            if (shards[row] != null) {
                known[layout.position(row)] = shards[row];
                used++;
            }
        }
        Tiles.run(ShardPlanes.planeLongs(length), (long) length * totalShards, threads, new Recovery(layout, known, wanted));
        return data;
    }

    /** The common length of the non-null shards; with {@code allPresent}, a null one is an error. */
    private static int commonLength(byte[][] shards, boolean allPresent) {
        String what = allPresent ? "data shard" : "shard";
        int length = -1;
        for (int row = 0; row < shards.length; row++) {
            byte[] shard = shards[row];
            if (shard == null) {
                if (allPresent) {
                    throw new IllegalArgumentException("data shard " + row + " is null");
                }
                continue;
            }
            if (length == -1) {
                length = shard.length;
                if (length == 0 || length % SHARD_LENGTH_MULTIPLE != 0) {
                    throw new IllegalArgumentException(what + " " + row + " has " + length + " bytes: shard lengths must be a positive multiple of "
                            + SHARD_LENGTH_MULTIPLE);
                }
            } else if (shard.length != length) {
                throw new IllegalArgumentException(what + " " + row + " has " + shard.length + " bytes, the ones before it " + length);
            }
        }
        return length;
    }

    @Override
    public String toString() {
        return "ReedSolomon[" + dataShards + " -> " + totalShards + "]";
    }
}
