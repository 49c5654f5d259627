package io.zgnode.consensus.solo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlockClockTest {

    @Test
    void timestampsAreWholeSecondsAndNeverGoBackwards() {
        assertThat(BlockClock.timestamp(100, 200_999)).isEqualTo(200);
        assertThat(BlockClock.timestamp(300, 200_999)).as("a clock set back").isEqualTo(300);
    }
}
