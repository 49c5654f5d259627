package io.zgnode.da.erasure.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;

/**
 * The byte layout of a shard: 16 planes of {@code length / 16} bytes each, plane i holding bit i (in the
 * Cantor representation) of the shard's {@code length / 2} symbols, 64 symbols per little-endian long.
 * Symbol s has its bit i at bit {@code s % 64} of long {@code s / 64} of plane i. A shard's length is
 * therefore a multiple of 128 bytes (16 planes of whole longs).
 */
public final class ShardPlanes {

    public static final int LENGTH_MULTIPLE = PlaneKernel.PLANES * Long.BYTES;

    private ShardPlanes() {
    }

    /** Longs per plane of a shard of {@code length} bytes. */
    public static int planeLongs(int length) {
        return length / LENGTH_MULTIPLE;
    }

    /** Copies longs [first, first + lanes) of each plane of the shard into row p of the workspace. */
    static void load(byte[] shard, int first, Workspace ws, int p) {
        LongBuffer longs = longs(shard);
        int planeLongs = planeLongs(shard.length);
        long[][] row = ws.rows[p];
        for (int i = 0; i < PlaneKernel.PLANES; i++) {
            longs.get(i * planeLongs + first, row[i], 0, ws.lanes);
        }
    }

    /** Copies row p of the workspace into longs [first, first + lanes) of each plane of the shard. */
    static void store(Workspace ws, int p, byte[] shard, int first) {
        LongBuffer longs = longs(shard);
        int planeLongs = planeLongs(shard.length);
        long[][] row = ws.rows[p];
        for (int i = 0; i < PlaneKernel.PLANES; i++) {
            longs.put(i * planeLongs + first, row[i], 0, ws.lanes);
        }
    }

    /** The shard as little-endian longs; bulk transfers of a view in native order are plain memory copies. */
    private static LongBuffer longs(byte[] shard) {
        return ByteBuffer.wrap(shard).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    }
}
