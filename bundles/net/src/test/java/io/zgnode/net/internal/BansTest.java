package io.zgnode.net.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.zgnode.api.net.PeerId;

class BansTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Bans bans = new Bans(100, now::get);
    private static final PeerId PEER = PeerId.of("0x" + "01".repeat(32));

    @Test
    void pointsAddUpToTheThresholdAndDecay() {
        for (int i = 0; i < 9; i++) {
            assertThat(bans.penalize(PEER, Bans.REJECTED)).isFalse();
        }
        assertThat(bans.penalty(PEER)).isEqualTo(90);
        now.addAndGet(5 * Bans.DECAY_MILLIS);
        assertThat(bans.penalty(PEER)).isEqualTo(85);
        assertThat(bans.penalize(PEER, Bans.REJECTED)).isFalse();
        assertThat(bans.penalize(PEER, Bans.REJECTED)).isTrue();
        now.addAndGet(1000 * Bans.DECAY_MILLIS);
        assertThat(bans.penalty(PEER)).isZero();
        bans.prune();
        assertThat(bans.penalize(PEER, Bans.MALFORMED)).as("one malformed frame is enough").isTrue();
    }

    @Test
    void bansExpireAndCanBeLifted() throws Exception {
        bans.ban(PEER, Duration.ofSeconds(10), "test");
        assertThat(bans.banned(PEER)).isTrue();
        assertThat(bans.ban(PEER).reason()).isEqualTo("test");
        assertThat(bans.peers()).containsKey(PEER);
        now.addAndGet(10_000);
        assertThat(bans.banned(PEER)).isFalse();

        bans.ban(PEER, Duration.ofMinutes(1), "again");
        bans.penalize(PEER, 50);
        assertThat(bans.unban(PEER)).isTrue();
        assertThat(bans.banned(PEER)).isFalse();
        assertThat(bans.penalty(PEER)).isZero();
        assertThat(bans.unban(PEER)).isFalse();

        InetAddress ip = InetAddress.getByName("10.1.2.3");
        bans.ban(ip, Duration.ofSeconds(1), "garbage");
        assertThat(bans.banned(ip)).isTrue();
        assertThat(bans.addresses()).containsKey("10.1.2.3");
        assertThat(bans.size()).isEqualTo(1);
        now.addAndGet(1000);
        assertThat(bans.banned(ip)).isFalse();
        assertThat(bans.size()).isZero();
    }
}
