package io.zgnode.storage.segments;

/**
 * Which segments of the flow this node keeps: those whose flow segment index is {@code shardId}
 * modulo {@code numShard}, as 0G's nodes and clients count them. {@code numShard} is a power of
 * two so that shards nest when a network re-shards.
 */
public record ShardConfig(int shardId, int numShard) {

    public static final ShardConfig ALL = new ShardConfig(0, 1);

    public ShardConfig {
        if (numShard < 1 || Integer.bitCount(numShard) != 1) {
            throw new IllegalArgumentException("numShard must be a power of two, not " + numShard);
        }
        if (shardId < 0 || shardId >= numShard) {
            throw new IllegalArgumentException("shardId must be 0 to " + (numShard - 1) + ", not " + shardId);
        }
    }

    /** Reads {@code id/num}, as operators write it. */
    public static ShardConfig parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new ShardConfig(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below, with the expected form
        }
        throw new IllegalArgumentException("a shard is written id/num (e.g. 0/2), not '" + text + "'");
    }

    public boolean holds(long flowSegmentIndex) {
        return (flowSegmentIndex & (numShard - 1)) == shardId;
    }

    @Override
    public String toString() {
        return shardId + "/" + numShard;
    }
}
