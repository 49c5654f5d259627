package io.zgnode.runtime.cli.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShardCoverageTest {

    @Test
    void halvesTogetherCoverTheFlowOnceAndTheMissingHalfIsNamed() {
        ShardCoverage coverage = new ShardCoverage();
        coverage.add(new Shard(0, 2));
        assertThat(coverage.coverage()).isZero();
        assertThat(coverage.weakest()).isEqualTo(new Shard(1, 2));
        assertThat(coverage.coverage(new Shard(0, 2))).isEqualTo(1);
        assertThat(coverage.coverage(new Shard(2, 4))).isEqualTo(1);
        assertThat(coverage.coverage(new Shard(1, 4))).isZero();
        coverage.add(new Shard(1, 2));
        assertThat(coverage.coverage()).isEqualTo(1);
    }

    @Test
    void nestedShardsAddUp() {
        ShardCoverage coverage = new ShardCoverage();
        coverage.add(Shard.ALL);
        coverage.add(new Shard(0, 2));
        coverage.add(new Shard(1, 4));
        assertThat(coverage.coverage()).isEqualTo(1);
        assertThat(coverage.weakest()).isEqualTo(new Shard(3, 4));
        assertThat(coverage.coverage(new Shard(0, 2))).isEqualTo(2);
        assertThat(coverage.coverage(new Shard(1, 4))).isEqualTo(2);
        coverage.add(new Shard(3, 4));
        assertThat(coverage.coverage()).isEqualTo(2);
    }

    @Test
    void aTinyShardCostsNoMoreThanAHalf() {
        ShardCoverage coverage = new ShardCoverage();
        coverage.add(new Shard(5, 1L << 40));
        assertThat(coverage.coverage(new Shard(5, 1L << 40))).isEqualTo(1);
        assertThat(coverage.coverage()).isZero();
    }

    @Test
    void selectionTakesLargeShardsFirstAndOnlyNodesThatAddReplicas() {
        ShardedNode a = node("a", 0, 2);
        ShardedNode b = node("b", 1, 2);
        ShardedNode c = node("c", 0, 1);
        ShardedNode d = node("d", 0, 2);
        ShardedNode e = node("e", 1, 2);
        List<ShardedNode> candidates = List.of(a, b, c, d, e);
        assertThat(ShardCoverage.select(candidates, 1)).contains(List.of(c));
        assertThat(ShardCoverage.select(candidates, 2)).contains(List.of(c, a, b));
        assertThat(ShardCoverage.select(candidates, 3)).contains(List.of(c, a, d, b, e));
        assertThat(ShardCoverage.select(candidates, 4)).isEmpty();
    }

    @Test
    void aNodeWhoseShardIsAlreadyCoveredIsPassedOver() {
        ShardedNode half = node("half", 0, 2);
        ShardedNode quarterInsideIt = node("quarter", 2, 4);
        ShardedNode otherHalf = node("other", 1, 2);
        assertThat(ShardCoverage.select(List.of(quarterInsideIt, half, otherHalf), 1)).contains(List.of(half, otherHalf));
    }

    @Test
    void invalidShardsCountForNothing() {
        ShardedNode broken = node("broken", 3, 3);
        assertThat(ShardCoverage.select(List.of(broken), 1)).isEmpty();
        assertThat(ShardCoverage.of(List.of(broken, node("all", 0, 1))).coverage()).isEqualTo(1);
        assertThatThrownBy(() -> new ShardCoverage().add(new Shard(2, 2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShardCoverage.select(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNodeKeepsTheFilesSegmentsWhoseFlowIndexIsItsShard() {
        // the file starts at flow segment 3: its segments 0..4 are flow segments 3..7
        assertThat(SegmentUploader.segmentsOf(new Shard(1, 2), 3, 5)).containsExactly(0, 2, 4);
        assertThat(SegmentUploader.segmentsOf(new Shard(0, 2), 3, 5)).containsExactly(1, 3);
        assertThat(SegmentUploader.segmentsOf(Shard.ALL, 3, 3)).containsExactly(0, 1, 2);
        assertThat(SegmentUploader.segmentsOf(new Shard(2, 4), 3, 3)).isEmpty();
        assertThat(SegmentUploader.segmentsOf(new Shard(2, 4), 3, 4)).containsExactly(3);
    }

    private static ShardedNode node(String name, long id, long num) {
        return new ShardedNode("http://" + name, new Shard(id, num));
    }
}
