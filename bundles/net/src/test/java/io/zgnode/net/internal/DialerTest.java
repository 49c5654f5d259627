package io.zgnode.net.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.zgnode.api.net.PeerId;

class DialerTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Set<PeerId> connected = new HashSet<>();
    private final Set<PeerId> banned = new HashSet<>();
    private final Dialer.Network network = new Dialer.Network() {
        @Override
        public boolean connected(PeerId peer) {
            return connected.contains(peer);
        }

        @Override
        public boolean banned(PeerId peer) {
            return banned.contains(peer);
        }

        @Override
        public int peerCount() {
            return connected.size();
        }
    };
    private static final HostPort BOOT = new HostPort("10.0.0.1", 30303);
    private static final PeerId PEER = PeerId.of(new byte[32]);

    private Dialer dialer(int maxPeers) {
        return new Dialer(List.of(BOOT), 1000, 60_000, maxPeers, now::get);
    }

    @Test
    void backoffDoublesFromMinToMaxWithJitter() {
        Dialer d = dialer(50);
        long[] bases = {1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000};
        for (int f = 1; f <= bases.length; f++) {
            for (int i = 0; i < 50; i++) {
                assertThat(d.backoff(f)).as("after " + f + " failures").isBetween((long) (bases[f - 1] * 0.8), (long) (bases[f - 1] * 1.2));
            }
        }
    }

    @Test
    void bootNodesAreDialedAtOnceThenAfterTheirBackoff() {
        Dialer d = dialer(50);
        assertThat(d.due(network)).containsExactly(BOOT);
        assertThat(d.due(network)).as("being dialed").isEmpty();
        d.ended(BOOT, 0);
        assertThat(d.failures(BOOT)).isEqualTo(1);
        assertThat(d.due(network)).isEmpty();
        now.addAndGet(1200);
        assertThat(d.due(network)).containsExactly(BOOT);
        d.ended(BOOT, 0);
        now.addAndGet(1300);
        assertThat(d.due(network)).as("second backoff is 1.6 to 2.4 s").isEmpty();
        now.addAndGet(1200);
        assertThat(d.due(network)).containsExactly(BOOT);
        // a link that lasted resets the count
        d.ended(BOOT, Dialer.STABLE_MILLIS);
        assertThat(d.failures(BOOT)).isEqualTo(1);
        for (int i = 0; i < 20; i++) {
            now.addAndGet(80_000);
            assertThat(d.due(network)).containsExactly(BOOT);
            d.ended(BOOT, 0);
        }
        assertThat(d.size()).as("boot nodes are never forgotten").isEqualTo(1);
    }

    @Test
    void connectedBannedAndSelfTargetsAreSkipped() {
        Dialer d = dialer(50);
        d.due(network);
        d.connected(BOOT, PEER);
        d.ended(BOOT, 0);
        now.addAndGet(10_000);
        connected.add(PEER);
        assertThat(d.due(network)).isEmpty();
        connected.clear();
        banned.add(PEER);
        assertThat(d.due(network)).isEmpty();
        banned.clear();
        d.self(BOOT);
        assertThat(d.due(network)).isEmpty();
    }

    @Test
    void learnedTargetsAreForgottenAfterRepeatedFailuresAndMaxPeersIsRespected() {
        Dialer d = new Dialer(List.of(), 1000, 60_000, 2, now::get);
        HostPort learned = new HostPort("10.0.0.2", 1);
        d.learn(learned, PeerId.of(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
        for (int i = 0; i <= Dialer.MAX_LEARNED_FAILURES; i++) {
            now.addAndGet(80_000);
            assertThat(d.due(network)).containsExactly(learned);
            d.ended(learned, 0);
        }
        assertThat(d.size()).isZero();

        d.learn(new HostPort("10.0.0.3", 1), null);
        d.learn(new HostPort("10.0.0.4", 1), null);
        d.learn(new HostPort("10.0.0.5", 1), null);
        assertThat(d.due(network)).hasSize(2);
    }

    @Test
    void aLostPeerIsRedialedAfterTheShortestBackoff() {
        Dialer d = dialer(50);
        d.due(network);
        d.connected(BOOT, PEER);
        d.ended(BOOT, 0);
        now.addAndGet(100_000);
        // reconnected inbound meanwhile, then lost
        d.lost(PEER);
        assertThat(d.nextAttempt(BOOT) - now.get()).isBetween(800L, 1200L);
    }
}
