package io.zgnode.net;

import static io.zgnode.net.TestNet.await;
import static io.zgnode.net.TestNet.handle;
import static io.zgnode.net.TestNet.linked;
import static io.zgnode.net.TestNet.net;
import static io.zgnode.net.TestNet.penalty;
import static io.zgnode.net.TestNet.port;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.zgnode.api.chain.Chain;
import io.zgnode.api.net.Verdict;
import io.zgnode.net.internal.Bans;
import io.zgnode.net.testing.FakeChain;
import io.zgnode.net.testing.RawPeer;
import io.zgnode.net.testing.TamperingProxy;
import io.zgnode.net.wire.Frame;
import io.zgnode.net.wire.Frames;

/** Peers that misbehave: they are cut off and banned, and the honest peers carry on. */
class AdversaryTest {

    private static final Chain CHAIN = FakeChain.dev();
    private static final long CHAIN_ID = 31337;
    private static final byte[] GENESIS = CHAIN.block(0).orElseThrow().hash().toArray();

    private TestNet net;
    private PeerNetworkImpl hub;
    private PeerNetworkImpl b;
    private PeerNetworkImpl c;
    private final java.util.Set<String> atC = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicInteger atHub = new AtomicInteger();
    private int sent;

    @BeforeEach
    void setUp() throws Exception {
        net = new TestNet();
        // b -> hub <- c: b's gossip reaches c only through the hub
        hub = net.start("hub", Map.of("maxMessageBytes", 4096));
        b = net.startDialing("b", hub);
        c = net.startDialing("c", hub);
        handle(hub, "t", (from, m) -> {
            atHub.incrementAndGet();
            return Verdict.ACCEPT;
        });
        handle(c, "t", (from, m) -> {
            atC.add(new String(m, StandardCharsets.UTF_8));
            return Verdict.ACCEPT;
        });
        TestNet.serve(hub, "echo/1", (from, r) -> r);
        await("linked", () -> linked(hub, b) && linked(hub, c));
    }

    @AfterEach
    void tearDown() {
        net.close();
    }

    /** b's gossip still reaches c through the hub, and requests to the hub are answered. */
    private void honestPeersKeepExchanging() throws Exception {
        String message = "honest " + sent++;
        b.broadcast("t", message.getBytes(StandardCharsets.UTF_8));
        await("c got b's message through the hub", () -> atC.contains(message));
        assertThat(c.request(hub.self(), "echo/1", new byte[] {7}, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS))
                .containsExactly(7);
        await("only the honest peers linked", () -> hub.peers().size() == 2);
    }

    @Test
    void garbageFromARawSocketIsCutOffAndItsAddressBanned() throws Exception {
        byte[] garbage = new byte[54];
        new Random(1).nextBytes(garbage);
        garbage[0] = 0;
        garbage[1] = 0;
        garbage[2] = 0;
        garbage[3] = 50;
        try (RawPeer raw = RawPeer.connect(port(hub))) {
            raw.write(garbage);
            assertThat(raw.closedByNode(Duration.ofSeconds(3))).isTrue();
        }
        await("address banned", () -> net(hub).bans().banned(java.net.InetAddress.getLoopbackAddress()));
        assertThat(net(hub).metrics().handshakeFailures("protocol")).isEqualTo(1);
        // a new connection from the banned address is closed before it can say anything
        try (RawPeer again = RawPeer.connect(port(hub))) {
            assertThat(again.closedByNode(Duration.ofSeconds(3))).isTrue();
        }
        honestPeersKeepExchanging();
        assertThat(new NetCommands(hub).unban("127.0.0.1")).isEqualTo("unbanned 127.0.0.1");
    }

    @Test
    void oversizedFrameAnnouncedBeforeTheHandshakeIsRefusedUnread() throws Exception {
        try (RawPeer raw = RawPeer.connect(port(hub))) {
            raw.write(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            assertThat(raw.closedByNode(Duration.ofSeconds(3))).isTrue();
        }
        await("address banned", () -> net(hub).bans().banned(java.net.InetAddress.getLoopbackAddress()));
        assertThat(net(hub).metrics().handshakeFailures("oversized")).isEqualTo(1);
        honestPeersKeepExchanging();
    }

    @Test
    void oversizedFrameAfterTheHandshakeBansThePeer() throws Exception {
        try (RawPeer raw = RawPeer.connect(port(hub)).handshake(CHAIN_ID, GENESIS)) {
            await("raw peer linked", () -> hub.peers().size() == 3);
            int limit = 4096 + Frames.OVERHEAD;
            raw.write(new byte[] {0, 0, (byte) ((limit + 1) >>> 8), (byte) (limit + 1)});
            assertThat(raw.closedByNode(Duration.ofSeconds(3))).isTrue();
            await("raw peer banned", () -> net(hub).bans().banned(raw.id()));
            assertThat(net(hub).bans().banned(java.net.InetAddress.getLoopbackAddress())).as("its address is not").isFalse();
        }
        honestPeersKeepExchanging();
    }

    @Test
    void aFrameOfUnknownKindBansThePeer() throws Exception {
        try (RawPeer raw = RawPeer.connect(port(hub)).handshake(CHAIN_ID, GENESIS)) {
            raw.write(raw.seal(new byte[] {0x42, 1, 2, 3}));
            assertThat(raw.closedByNode(Duration.ofSeconds(3))).isTrue();
            await("raw peer banned", () -> net(hub).bans().banned(raw.id()));
        }
        honestPeersKeepExchanging();
    }

    @Test
    void aPeerThatFallsSilentIsDisconnected() throws Exception {
        PeerNetworkImpl strict = net.start("strict", Map.of("pingIntervalMillis", 100L, "idleTimeoutMillis", 400L));
        try (RawPeer raw = RawPeer.connect(port(strict)).handshake(CHAIN_ID, GENESIS)) {
            await("raw peer linked", () -> strict.peers().size() == 1);
            // the raw peer never answers the pings
            Frame ping = raw.read();
            assertThat(ping).isInstanceOf(Frame.Ping.class);
            long start = System.nanoTime();
            assertThat(raw.closedByNode(Duration.ofSeconds(3))).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1500);
            await("link gone", () -> strict.peers().isEmpty());
            assertThat(net(strict).bans().banned(raw.id())).isFalse();
        }
    }

    @Test
    void aHandshakeThatNeverFinishesIsDropped() throws Exception {
        PeerNetworkImpl strict = net.start("strict", Map.of("handshakeTimeoutMillis", 300L));
        try (RawPeer raw = RawPeer.connect(port(strict))) {
            // says nothing at all
            assertThat(raw.closedByNode(Duration.ofSeconds(3))).isTrue();
        }
        await("counted", () -> net(strict).metrics().handshakeFailures("timeout") == 1);
        assertThat(net(strict).bans().addresses()).isEmpty();
    }

    @Test
    void aReplayedFrameKillsTheLink() throws Exception {
        try (RawPeer raw = RawPeer.connect(port(hub)).handshake(CHAIN_ID, GENESIS)) {
            await("raw peer linked", () -> hub.peers().size() == 3);
            byte[] frame = raw.seal(Frames.encode(new Frame.Gossip("t", "once".getBytes(StandardCharsets.UTF_8))));
            raw.write(frame);
            raw.write(frame);
            assertThat(raw.closedByNode(Duration.ofSeconds(3))).isTrue();
            await("penalized", () -> penalty(hub, raw.id()) >= Bans.DECRYPTION - 1);
            assertThat(net(hub).bans().banned(raw.id())).as("one undecryptable frame is not enough for a ban").isFalse();
        }
        assertThat(atHub).hasValue(1);
        honestPeersKeepExchanging();
    }

    @Test
    void aBitFlippedOnTheWayKillsTheLinkWhichComesBack() throws Exception {
        Counting counting = new Counting();
        PeerNetworkImpl target = net.start("target");
        handle(target, "t", counting);
        try (TamperingProxy proxy = new TamperingProxy(port(target), 500)) {
            PeerNetworkImpl sender = net.start("sender", Map.of("bootnodes", new String[] {"127.0.0.1:" + proxy.port()}));
            await("linked through the proxy", () -> linked(sender, target));
            var since = target.peers().get(0).connectedSince();

            proxy.flipNext();
            sender.broadcast("t", new byte[1000]);
            await("flipped", () -> proxy.flipped() == 1);
            await("link killed", () -> target.peers().isEmpty() || !target.peers().get(0).connectedSince().equals(since));
            assertThat(counting.count).as("the tampered message is not delivered").hasValue(0);
            assertThat(penalty(target, sender.self())).isBetween(Bans.DECRYPTION - 1, Bans.DECRYPTION);

            await("link back", Duration.ofSeconds(5), () -> linked(sender, target));
            byte[] next = new byte[1000];
            next[0] = 1;
            sender.broadcast("t", next);
            await("delivered after the redial", () -> counting.count.get() == 1);
        }
    }

    private static final class Counting implements io.zgnode.api.net.MessageHandler {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public Verdict handle(io.zgnode.api.net.PeerId from, byte[] message) {
            count.incrementAndGet();
            return Verdict.ACCEPT;
        }
    }
}
