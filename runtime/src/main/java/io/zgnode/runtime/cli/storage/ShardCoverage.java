package io.zgnode.runtime.cli.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How many times a set of shards covers the flow: each flow segment is kept by the nodes whose
 * shard holds it, and the coverage is the fewest nodes any segment has. Shards nest (numShard is
 * a power of two), so the segment indices form a binary tree by their low bits, lowest first:
 * shard {@code id/num} is the subtree at depth log2(num) that the bits of {@code id} lead to, and
 * each tree node counts the shards that are exactly its subtree. No array per segment class, so a
 * shard of 1/2^40 costs what a shard of 1/2 does.
 */
public final class ShardCoverage {

    private final Level root = new Level();

    /** One subtree: the shards that are exactly it, and its two halves (both or neither). */
    private static final class Level {
        int count;
        Level zero;
        Level one;
    }

    /** The coverage of {@code nodes}' shards (invalid shards count for nothing). */
    public static ShardCoverage of(Collection<ShardedNode> nodes) {
        ShardCoverage coverage = new ShardCoverage();
        nodes.stream().map(ShardedNode::shard).filter(Shard::isValid).forEach(coverage::add);
        return coverage;
    }

    /**
     * A few nodes that together keep every flow segment {@code replicas} times, or empty when all
     * of {@code candidates} cannot. Nodes with larger shards go first (fewer nodes to talk to), then
     * by shard id, then in the order given; a node is taken only when some segment of its shard
     * still lacks replicas. Candidates with an invalid shard are passed over.
     */
    public static Optional<List<ShardedNode>> select(List<ShardedNode> candidates, int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, got " + replicas);
        }
        List<ShardedNode> ordered = candidates.stream().filter(node -> node.shard().isValid())
                .sorted(Comparator.comparingLong((ShardedNode node) -> node.shard().numShard()).thenComparingLong(node -> node.shard().shardId()))
                .toList();
        ShardCoverage coverage = new ShardCoverage();
        List<ShardedNode> chosen = new ArrayList<>();
        for (ShardedNode node : ordered) {
            if (coverage.coverage() >= replicas) {
                break;
            }
            if (coverage.coverage(node.shard()) < replicas) {
                coverage.add(node.shard());
                chosen.add(node);
            }
        }
        return coverage.coverage() >= replicas ? Optional.of(List.copyOf(chosen)) : Optional.empty();
    }

    public void add(Shard shard) {
        requireValid(shard);
        Level level = root;
        for (int bit = 0; bit < shard.depth(); bit++) {
            if (level.zero == null) {
                level.zero = new Level();
                level.one = new Level();
            }
            level = isOne(shard.shardId(), bit) ? level.one : level.zero;
        }
        level.count++;
    }

    /** How many nodes keep the least kept flow segment. */
    public int coverage() {
        return least(root);
    }

    /** How many nodes keep the least kept segment of {@code shard}. */
    public int coverage(Shard shard) {
        requireValid(shard);
        int above = 0;
        Level level = root;
        for (int bit = 0; bit < shard.depth(); bit++) {
            above += level.count;
            if (level.zero == null) {
                return above;
            }
            level = isOne(shard.shardId(), bit) ? level.one : level.zero;
        }
        return above + least(level);
    }

    /** The largest shard whose segments are kept only {@link #coverage()} times: what an error names. */
    public Shard weakest() {
        Level level = root;
        long id = 0;
        int depth = 0;
        while (level.zero != null) {
            boolean zeroIsWeaker = least(level.zero) <= least(level.one);
            if (!zeroIsWeaker) {
                id |= 1L << depth;
            }
            level = zeroIsWeaker ? level.zero : level.one;
            depth++;
        }
        return new Shard(id, 1L << depth);
    }

    private static int least(Level level) {
        int below = level.zero == null ? 0 : Math.min(least(level.zero), least(level.one));
        return level.count + below;
    }

    private static boolean isOne(long id, int bit) {
        return ((id >>> bit) & 1) != 0;
    }

    private static void requireValid(Shard shard) {
        if (!shard.isValid()) {
            throw new IllegalArgumentException("not a shard: " + shard + " (numShard a power of two, shardId below it)");
        }
    }
}
