package io.zgnode.runtime.cli.storage;

/**
 * A storage node's shard, {@code shardId/numShard}: the node keeps the flow segments whose index
 * is {@code shardId} modulo {@code numShard}, a power of two (0G's rule, so shards nest).
 */
public record Shard(long shardId, long numShard) {

    /** The shard of a node that keeps everything. */
    public static final Shard ALL = new Shard(0, 1);

    /** Whether this is a shard at all: numShard a power of two, shardId below it. */
    public boolean isValid() {
        return numShard >= 1 && Long.bitCount(numShard) == 1 && shardId >= 0 && shardId < numShard;
    }

    /** Whether a node of this shard keeps flow segment {@code flowSegment}. */
    public boolean holds(long flowSegment) {
        return (flowSegment & (numShard - 1)) == shardId;
    }

    /** log2(numShard): how many low bits of a flow segment index pick the shard. */
    int depth() {
        return Long.numberOfTrailingZeros(numShard);
    }

    @Override
    public String toString() {
        return shardId + "/" + numShard;
    }
}
