package io.zgnode.storage.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShardConfigTest {

    @Test
    void aShardHoldsEveryNumShardthSegment() {
        ShardConfig shard = ShardConfig.parse(" 1/4 ");

        assertThat(shard).isEqualTo(new ShardConfig(1, 4));
        assertThat(shard.holds(1)).isTrue();
        assertThat(shard.holds(5)).isTrue();
        assertThat(shard.holds(4)).isFalse();
        assertThat(ShardConfig.ALL.holds(12345)).isTrue();
        assertThat(shard).hasToString("1/4");
    }

    @Test
    void malformedShardsAreRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> ShardConfig.parse("1")).hasMessageContaining("id/num");
        assertThatThrownBy(() -> ShardConfig.parse("a/b")).hasMessageContaining("id/num");
        assertThatThrownBy(() -> ShardConfig.parse("0/3")).hasMessageContaining("power of two");
        assertThatThrownBy(() -> ShardConfig.parse("2/2")).hasMessageContaining("0 to 1");
    }
}
