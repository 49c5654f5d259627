package io.zgnode.net;

import static io.zgnode.net.TestNet.await;
import static io.zgnode.net.TestNet.handle;
import static io.zgnode.net.TestNet.linked;
import static io.zgnode.net.TestNet.net;
import static io.zgnode.net.TestNet.penalty;
import static io.zgnode.net.TestNet.port;
import static io.zgnode.net.TestNet.serve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.zgnode.api.net.InvalidRequestException;
import io.zgnode.api.net.MessageHandler;
import io.zgnode.api.net.PeerId;
import io.zgnode.api.net.PeerInfo;
import io.zgnode.api.net.Verdict;
import io.zgnode.net.internal.ListenException;
import io.zgnode.net.internal.RequestFailedException;
import io.zgnode.net.testing.FakeChain;
import io.zgnode.net.testing.LogCapture;

/** Several nodes in one JVM on loopback. */
class PeerNetworkTest {

    private TestNet net;

    @BeforeEach
    void setUp() throws IOException {
        net = new TestNet();
    }

    @AfterEach
    void stopAll() {
        net.close();
    }

    /** Counts messages by content and answers with a fixed verdict. */
    static final class Counting implements MessageHandler {
        final Map<String, AtomicInteger> byMessage = new ConcurrentHashMap<>();
        final AtomicInteger total = new AtomicInteger();
        final List<PeerId> senders = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Verdict verdict;

        Counting(Verdict verdict) {
            this.verdict = verdict;
        }

        Counting() {
            this(Verdict.ACCEPT);
        }

        @Override
        public Verdict handle(PeerId from, byte[] message) {
            byMessage.computeIfAbsent(new String(message, StandardCharsets.UTF_8), k -> new AtomicInteger()).incrementAndGet();
            senders.add(from);
            total.incrementAndGet();
            return verdict;
        }
    }

    private static PeerInfo info(PeerNetworkImpl at, PeerNetworkImpl of) {
        return at.peers().stream().filter(p -> p.id().equals(of.self())).findFirst().orElseThrow();
    }

    private static void sleepUntil(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void handshakeBothWaysSeesIdentitiesAndAddresses() throws Exception {
        PeerNetworkImpl a = net.start("a");
        PeerNetworkImpl b = net.startDialing("b", a);
        await("a and b linked", () -> linked(a, b));

        assertThat(a.self()).isNotEqualTo(b.self());
        PeerInfo bAtA = info(a, b);
        PeerInfo aAtB = info(b, a);
        assertThat(bAtA.outbound()).isFalse();
        assertThat(aAtB.outbound()).isTrue();
        assertThat(aAtB.address()).isEqualTo("127.0.0.1:" + port(a));
        assertThat(aAtB.listenAddress()).isEqualTo("127.0.0.1:" + port(a));
        assertThat(bAtA.listenAddress()).isEqualTo("127.0.0.1:" + port(b));
        assertThat(bAtA.address()).startsWith("127.0.0.1:").isNotEqualTo("127.0.0.1:" + port(b));
        assertThat(bAtA.connectedSince()).isNotNull();
        assertThat(a.peers()).hasSize(1);
        assertThat(b.peers()).hasSize(1);

        // the identity is the key in the key file, kept across restarts
        Path keyFile = net.dir.resolve("b.json");
        assertThat(Files.readString(keyFile)).contains("\"type\":\"ed25519\"").contains(b.self().toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        PeerId before = b.self();
        net.stop(b);
        PeerNetworkImpl b2 = net.startDialing("b", a);
        assertThat(b2.self()).isEqualTo(before);
        await("a and b linked again", () -> linked(a, b2));
    }

    @Test
    void idleLinksStayUpOnPings() throws Exception {
        Map<String, Object> fast = Map.of("pingIntervalMillis", 100L, "idleTimeoutMillis", 400L);
        PeerNetworkImpl a = net.start("a", fast);
        PeerNetworkImpl b = net.start("b", Map.of("pingIntervalMillis", 100L, "idleTimeoutMillis", 400L,
                "bootnodes", new String[] {TestNet.address(a)}));
        await("linked", () -> linked(a, b));
        var since = info(a, b).connectedSince();
        Thread.sleep(1500);
        assertThat(info(a, b).connectedSince()).as("the same link, never idle").isEqualTo(since);
        assertThat(net(a).rttMillis(b.self())).isGreaterThanOrEqualTo(0);
        assertThat(net(b).rttMillis(a.self())).isGreaterThanOrEqualTo(0);
    }

    @Test
    void peerOfAnotherNetworkIsRefusedWithOneLogLine() throws Exception {
        try (LogCapture log = new LogCapture()) {
            PeerNetworkImpl a = net.start("a", Map.of(), FakeChain.of(1, "0x" + "11".repeat(32)));
            PeerNetworkImpl otherChain = net.start("b", Map.of("bootnodes", new String[] {TestNet.address(a)}),
                    FakeChain.of(2, "0x" + "11".repeat(32)));
            PeerNetworkImpl otherGenesis = net.start("c", Map.of("bootnodes", new String[] {TestNet.address(a)}),
                    FakeChain.of(1, "0x" + "22".repeat(32)));
            await("both refused", () -> net(a).metrics().handshakeFailures("network") >= 2);
            Thread.sleep(300);
            assertThat(a.peers()).isEmpty();
            assertThat(otherChain.peers()).isEmpty();
            assertThat(otherGenesis.peers()).isEmpty();
            assertThat(log.messages(Level.WARNING))
                    .anyMatch(m -> m.startsWith("refused peer " + otherChain.self().shortForm()) && m.contains("it is on chain 2 genesis 0x1111")
                            && m.contains("this node on chain 1"))
                    .anyMatch(m -> m.startsWith("refused peer " + otherGenesis.self().shortForm()) && m.contains("genesis 0x2222"));
            assertThat(log.records).allMatch(r -> r.getThrown() == null);
        }
    }

    @Test
    void gossipReachesEveryNodeOfALineExactlyOnce() throws Exception {
        // n0 <- n1 <- n2 <- n3: messages from n0 reach n3 only by relay
        List<PeerNetworkImpl> nodes = new ArrayList<>();
        List<Counting> handlers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            PeerNetworkImpl node = i == 0 ? net.start("n0") : net.startDialing("n" + i, nodes.get(i - 1));
            Counting counting = new Counting();
            handle(node, "blocks", counting);
            nodes.add(node);
            handlers.add(counting);
        }
        for (int i = 1; i < 4; i++) {
            int k = i;
            await("n" + (k - 1) + " - n" + k, () -> linked(nodes.get(k - 1), nodes.get(k)));
        }
        assertThat(nodes.get(0).peers()).hasSize(1);
        assertThat(nodes.get(3).peers()).hasSize(1);

        for (int m = 0; m < 20; m++) {
            nodes.get(0).broadcast("blocks", bytes("block " + m));
        }
        await("every node got 20", () -> handlers.subList(1, 4).stream().allMatch(h -> h.total.get() >= 20));
        Thread.sleep(300);
        for (int i = 1; i < 4; i++) {
            assertThat(handlers.get(i).total).as("messages at n" + i).hasValue(20);
            assertThat(handlers.get(i).byMessage.values()).allMatch(n -> n.get() == 1);
        }
        assertThat(handlers.get(0).total).as("the sender does not handle its own").hasValue(0);
        // n3 heard everything from n2
        assertThat(handlers.get(3).senders).containsOnly(nodes.get(2).self());

        // broadcasting the same message again does nothing
        nodes.get(0).broadcast("blocks", bytes("block 0"));
        Thread.sleep(300);
        assertThat(handlers.get(3).total).hasValue(20);
    }

    @Test
    void aFloodedTopicNeitherHoldsUpAnotherNorPausesTheLink() throws Exception {
        PeerNetworkImpl a = net.start("a");
        PeerNetworkImpl b = net.startDialing("b", a);
        await("linked", () -> linked(a, b));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowHandled = new AtomicInteger();
        handle(b, "slow", (from, message) -> {
            sleepUntil(release);
            slowHandled.incrementAndGet();
            return Verdict.IGNORE;
        });
        Counting fast = new Counting();
        handle(b, "fast", fast);
        try {
            for (int m = 0; m < 1000; m++) {
                a.broadcast("slow", bytes("slow " + m));
            }
            for (int m = 0; m < 10; m++) {
                a.broadcast("fast", bytes("fast " + m));
            }
            await("the other topic's messages arrive while the flooded one is stuck", () -> fast.total.get() == 10);
            assertThat(b.network().metrics().dropped()).as("the flood beyond its share of the queue is dropped").isPositive();
        } finally {
            release.countDown();
        }
        await("the flooded topic's queue drains", () -> slowHandled.get() == 1000 - b.network().metrics().dropped());
        a.broadcast("fast", bytes("after"));
        await("the link reads on", () -> fast.total.get() == 11);
    }

    @Test
    void gossipInARingIsHandledOncePerNodeAndDuplicatesAreDropped() throws Exception {
        PeerNetworkImpl n0 = net.start("n0");
        PeerNetworkImpl n1 = net.startDialing("n1", n0);
        PeerNetworkImpl n2 = net.startDialing("n2", n1);
        PeerNetworkImpl n3 = net.startDialing("n3", n2, n0);
        List<PeerNetworkImpl> nodes = List.of(n0, n1, n2, n3);
        List<Counting> handlers = new ArrayList<>();
        for (PeerNetworkImpl node : nodes) {
            Counting c = new Counting();
            handle(node, "tx", c);
            handlers.add(c);
        }
        await("ring", () -> linked(n0, n1) && linked(n1, n2) && linked(n2, n3) && linked(n3, n0));
        assertThat(linked(n0, n2)).isFalse();

        for (int m = 0; m < 50; m++) {
            nodes.get(m % 4).broadcast("tx", bytes("tx " + m));
        }
        await("every node got the others' 50 - own", () -> handlers.stream().allMatch(h -> h.total.get() >= 37));
        Thread.sleep(300);
        for (int i = 0; i < 4; i++) {
            int k = i;
            long own = java.util.stream.IntStream.range(0, 50).filter(m -> m % 4 == k).count();
            assertThat(handlers.get(i).total).as("n" + i).hasValue((int) (50 - own));
            assertThat(handlers.get(i).byMessage.values()).allMatch(n -> n.get() == 1);
        }
        long duplicates = nodes.stream().mapToLong(n -> net(n).metrics().duplicates()).sum();
        assertThat(duplicates).as("messages arriving by both ways round the ring").isPositive();
    }

    @Test
    void onlyAcceptedMessagesOfHandledTopicsAreRelayed() throws Exception {
        PeerNetworkImpl a = net.start("a");
        PeerNetworkImpl b = net.startDialing("b", a);
        PeerNetworkImpl c = net.startDialing("c", b);
        Counting atB = new Counting(Verdict.IGNORE);
        Counting atC = new Counting();
        Counting atCOther = new Counting();
        handle(b, "ignored", atB);
        handle(c, "ignored", atC);
        handle(c, "nobody-at-b", atCOther);
        await("line", () -> linked(a, b) && linked(b, c));

        a.broadcast("ignored", bytes("one"));
        a.broadcast("nobody-at-b", bytes("two"));
        await("b handled", () -> atB.total.get() == 1);
        Thread.sleep(500);
        assertThat(atC.total).as("IGNORE is not relayed").hasValue(0);
        assertThat(atCOther.total).as("a topic b does not handle is dropped at b").hasValue(0);

        // send() goes to one peer only
        Counting atA = new Counting();
        handle(a, "direct", atA);
        handle(c, "direct", atC);
        b.send(a.self(), "direct", bytes("to a"));
        await("a got it", () -> atA.total.get() == 1);
        Thread.sleep(200);
        assertThat(atC.total).hasValue(0);
    }

    @Test
    void rejectedMessagesPenalizeTheSenderUntilItIsBanned() throws Exception {
        PeerNetworkImpl a = net.start("a");
        PeerNetworkImpl b = net.startDialing("b", a);
        Counting rejecting = new Counting(Verdict.REJECT);
        handle(a, "tx", rejecting);
        await("linked", () -> linked(a, b));

        b.broadcast("tx", bytes("bad 0"));
        await("handled", () -> rejecting.total.get() == 1);
        await("penalty", () -> penalty(a, b.self()) == 10);
        assertThat(info(a, b).penalty()).isEqualTo(10);
        for (int i = 1; i < 10; i++) {
            b.broadcast("tx", bytes("bad " + i));
        }
        await("b banned at a", () -> net(a).bans().banned(b.self()));
        await("link closed", () -> a.peers().isEmpty() && b.peers().isEmpty());
        Thread.sleep(500);
        assertThat(a.peers()).as("b's redials are refused").isEmpty();
        assertThat(net(a).metrics().handshakeFailures("banned")).isPositive();
    }

    @Test
    void requestsAreAnsweredAndErrorsReported() throws Exception {
        PeerNetworkImpl a = net.start("a", Map.of("maxMessageBytes", 4096));
        PeerNetworkImpl b = net.startDialing("b", a);
        CountDownLatch release = new CountDownLatch(1);
        serve(a, "echo/1", (from, request) -> {
            assertThat(from).isEqualTo(b.self());
            return new StringBuilder(new String(request, StandardCharsets.UTF_8)).reverse().toString().getBytes(StandardCharsets.UTF_8);
        });
        serve(a, "strict/1", (from, request) -> {
            throw new InvalidRequestException("no such block");
        });
        serve(a, "slow/1", (from, request) -> {
            sleepUntil(release);
            return request;
        });
        serve(a, "big/1", (from, request) -> new byte[5000]);
        serve(a, "broken/1", (from, request) -> {
            throw new IllegalStateException("bug");
        });
        await("linked", () -> linked(a, b));

        assertThat(b.request(a.self(), "echo/1", bytes("hello"), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS))
                .asString(StandardCharsets.UTF_8).isEqualTo("olleh");
        // concurrent requests each get their own answer
        List<java.util.concurrent.CompletableFuture<byte[]>> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(b.request(a.self(), "echo/1", bytes("n" + i), Duration.ofSeconds(5)));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(many.get(i).get(5, TimeUnit.SECONDS)).asString(StandardCharsets.UTF_8)
                    .isEqualTo(new StringBuilder("n" + i).reverse().toString());
        }

        assertThatThrownBy(() -> b.request(a.self(), "nope/1", bytes("x"), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(RequestFailedException.class)
                .hasMessageContaining("unknown protocol").hasMessageContaining("protocol nope/1 is not served");
        assertThat(penalty(a, b.self())).isZero();

        assertThatThrownBy(() -> b.request(a.self(), "strict/1", bytes("x"), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(RequestFailedException.class).hasMessageContaining("invalid request: no such block");
        assertThat(penalty(a, b.self())).isEqualTo(20);

        assertThatThrownBy(() -> b.request(a.self(), "big/1", bytes("x"), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS))
                .cause().hasMessageContaining("response of 5000 bytes exceeds the limit of 4096 bytes");

        assertThatThrownBy(() -> b.request(a.self(), "broken/1", bytes("x"), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS))
                .cause().hasMessageContaining("the handler failed");

        long start = System.nanoTime();
        assertThatThrownBy(() -> b.request(a.self(), "slow/1", bytes("x"), Duration.ofMillis(200)).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(TimeoutException.class).hasMessageContaining("did not answer slow/1 within 200 ms");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(150L, 3000L);
        release.countDown();

        // b allows 16 MiB, a only 4096 bytes: a refuses the request (a frame over a's limit would cost b the link)
        assertThatThrownBy(() -> b.request(a.self(), "echo/1", new byte[4097], Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(RequestFailedException.class).hasMessageContaining("request of 4097 bytes exceeds the limit of 4096");
        assertThatThrownBy(() -> a.request(b.self(), "echo/1", new byte[4097], Duration.ofSeconds(1)).get(1, TimeUnit.SECONDS))
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the limit of 4096");
        assertThatThrownBy(() -> a.broadcast("t", new byte[4097])).hasMessageContaining("exceeds the limit of 4096");
        PeerId stranger = PeerId.of(new byte[32]);
        assertThatThrownBy(() -> b.request(stranger, "echo/1", bytes("x"), Duration.ofSeconds(1)).get(1, TimeUnit.SECONDS))
                .cause().isInstanceOf(IOException.class).hasMessageContaining("is not connected");

        // the link survived all of it
        assertThat(b.request(a.self(), "echo/1", bytes("ok"), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS))
                .asString(StandardCharsets.UTF_8).isEqualTo("ko");
    }

    @Test
    void requestsFailWhenTheLinkCloses() throws Exception {
        PeerNetworkImpl a = net.start("a");
        PeerNetworkImpl b = net.startDialing("b", a);
        CountDownLatch never = new CountDownLatch(1);
        serve(a, "hang/1", (from, request) -> {
            sleepUntil(never);
            return request;
        });
        await("linked", () -> linked(a, b));
        var pending = b.request(a.self(), "hang/1", bytes("x"), Duration.ofSeconds(30));
        Thread.sleep(100);
        net.stop(a);
        assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(IOException.class)
                .hasMessageContaining("closed before it answered");
        never.countDown();
    }

    @Test
    void lostPeerIsRedialedWithBackoffUntilItIsBack() throws Exception {
        PeerNetworkImpl b = net.start("b");
        int bPort = port(b);
        PeerNetworkImpl a = net.startDialing("a", b);
        await("linked", () -> linked(a, b));

        var target = TestNet.hostPort(b);
        net.stop(b);
        await("a lost b", () -> a.peers().isEmpty());
        await("a failed to redial several times", () -> net(a).dialer().failures(target) >= 4);
        // backoff grows: 100, 200, 400, 800 ms (+-20%), then capped at 1000 ms
        Thread.sleep(1500);
        assertThat(net(a).dialer().failures(target)).isBetween(4, 10);

        PeerNetworkImpl b2 = net.start("b", Map.of("port", bPort));
        await("a reconnected to b", Duration.ofSeconds(5), () -> linked(a, b2));
        assertThat(info(a, b2).outbound()).isTrue();
    }

    @Test
    void duplicateLinksBetweenTwoNodesDialingEachOtherResolveToOne() throws Exception {
        int resolved = 0;
        for (int round = 0; round < 5; round++) {
            PeerNetworkImpl a = net.start("a" + round);
            PeerNetworkImpl b = net.start("b" + round);
            CountDownLatch go = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                net(b).dial(TestNet.hostPort(a));
            });
            t.start();
            go.countDown();
            net(a).dial(TestNet.hostPort(b));
            t.join();
            await("linked", () -> linked(a, b));
            Thread.sleep(300);
            assertThat(a.peers()).hasSize(1);
            assertThat(b.peers()).hasSize(1);
            PeerInfo bAtA = info(a, b);
            PeerInfo aAtB = info(b, a);
            assertThat(bAtA.outbound()).as("the same link seen from both ends").isNotEqualTo(aAtB.outbound());
            if (net(a).metrics().duplicateLinks() > 0 && net(b).metrics().duplicateLinks() > 0) {
                resolved++;
                boolean aSmaller = a.self().compareTo(b.self()) < 0;
                assertThat(bAtA.outbound()).as("the link dialed by the smaller id is kept").isEqualTo(aSmaller);
            }
            // stable: the link stays, requests go through
            serve(a, "ping/1", (from, request) -> request);
            assertThat(b.request(a.self(), "ping/1", bytes("p"), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS)).hasSize(1);
            assertThat(info(a, b).connectedSince()).isEqualTo(bAtA.connectedSince());
            net.stop(a);
            net.stop(b);
        }
        assertThat(resolved).as("rounds in which both links came up and one was closed").isPositive();
    }

    @Test
    void connectionToItselfIsClosedAndNotRetried() throws Exception {
        int port = TestNet.freePort();
        PeerNetworkImpl a = net.start("a", Map.of("port", port, "bootnodes", new String[] {"127.0.0.1:" + port}));
        await("refused itself", () -> net(a).metrics().handshakeFailures("self") >= 1);
        Thread.sleep(500);
        assertThat(a.peers()).isEmpty();
        assertThat(net(a).metrics().handshakeFailures("self")).as("both ends of the one connection").isEqualTo(2);
        assertThat(net(a).targets()).anyMatch(t -> t.contains("self"));
    }

    @Test
    void banAndUnban() throws Exception {
        PeerNetworkImpl a = net.start("a");
        PeerNetworkImpl b = net.startDialing("b", a);
        await("linked", () -> linked(a, b));
        NetCommands commands = new NetCommands(a);

        assertThat(commands.ban(b.self().toString(), 5)).isEqualTo("banned " + b.self().shortForm() + " for 5 min");
        await("disconnected", () -> a.peers().isEmpty() && b.peers().isEmpty());
        assertThat(commands.status()).contains("banned").contains(b.self().toString()).contains("banned from the shell");
        Thread.sleep(600);
        assertThat(a.peers()).as("b keeps redialing and is refused").isEmpty();
        assertThat(net(a).metrics().handshakeFailures("banned")).isPositive();

        assertThat(commands.unban(b.self().toString())).isEqualTo("unbanned " + b.self().shortForm());
        await("reconnected", Duration.ofSeconds(5), () -> linked(a, b));

        // the API ban
        a.ban(b.self(), Duration.ofMillis(300), "test");
        await("disconnected again", () -> a.peers().isEmpty());
        await("ban expired and b is back", Duration.ofSeconds(5), () -> linked(a, b));

        assertThat(commands.ban("0x1234")).startsWith("error: a peer id is 64 hex digits");
        assertThat(commands.ban(a.self().toString())).isEqualTo("error: that is this node");
        assertThat(commands.unban("not-an-address!")).startsWith("error:");
        assertThat(commands.unban("10.9.8.7")).isEqualTo("10.9.8.7 was not banned");
    }

    @Test
    void peersLearnEachOtherThroughPeerExchange() throws Exception {
        Map<String, Object> discovery = new HashMap<>();
        discovery.put("discovery", true);
        discovery.put("peerExchangeIntervalMillis", 200L);
        PeerNetworkImpl hub = net.start("hub", discovery);
        Map<String, Object> dialHub = new HashMap<>(discovery);
        dialHub.put("bootnodes", new String[] {TestNet.address(hub)});
        PeerNetworkImpl b = net.start("b", dialHub);
        PeerNetworkImpl c = net.start("c", dialHub);
        await("b and c found each other", () -> linked(b, c));
        assertThat(hub.peers()).hasSize(2);
        assertThat(b.peers()).hasSize(2);
    }

    @Test
    void inboundPeersBeyondMaxPeersAreRefused() throws Exception {
        PeerNetworkImpl a = net.start("a", Map.of("maxPeers", 1));
        PeerNetworkImpl b = net.startDialing("b", a);
        await("b linked", () -> linked(a, b));
        PeerNetworkImpl c = net.startDialing("c", a);
        await("c refused", () -> net(a).metrics().handshakeFailures("too_many_peers") >= 1);
        assertThat(a.peers()).hasSize(1);
        assertThat(c.peers()).isEmpty();
    }

    @Test
    void busyPortFailsActivationWithOneLogLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
                LogCapture log = new LogCapture()) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> net.start("a", Map.of("port", port)))
                    .isInstanceOf(ListenException.class)
                    .hasMessage("cannot listen for peers on 127.0.0.1:" + port + ": address already in use");
            assertThat(log.records).hasSize(1);
            assertThat(log.records.get(0).getMessage()).isEqualTo("cannot listen for peers on 127.0.0.1:" + port + ": address already in use");
            assertThat(log.records.get(0).getThrown()).isNull();
            assertThat(net.registered).isEmpty();
        }
        assertThatThrownBy(() -> net.start("a", Map.of("maxPeers", 0))).hasMessage("invalid net configuration: maxPeers must be at least 1, not 0");
        assertThatThrownBy(() -> net.start("a", Map.of("bootnodes", new String[] {"nowhere"})))
                .hasMessage("invalid net configuration: boot node not host:port: 'nowhere'");
    }

    @Test
    void configurationDefaultsAndParsing() {
        var defaults = PeerNetworkImpl.settings(TestNet.config(Map.of()), net.context());
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(30303);
        assertThat(defaults.bootnodes()).isEmpty();
        assertThat(defaults.announcedHost()).isEqualTo("127.0.0.1");
        assertThat(defaults.keyFile()).isEqualTo(net.dir.resolve("node-key.json").toAbsolutePath());
        assertThat(defaults.maxPeers()).isEqualTo(50);
        assertThat(defaults.maxMessageBytes()).isEqualTo(16 << 20);
        assertThat(defaults.pingIntervalMillis()).isEqualTo(15_000);
        assertThat(defaults.idleTimeoutMillis()).isEqualTo(45_000);
        assertThat(defaults.banSeconds()).isEqualTo(600);
        assertThat(defaults.discovery()).isTrue();

        Map<String, Object> values = new HashMap<>();
        values.put("bootnodes", new String[] {"10.0.0.1:30303, 10.0.0.2:30304", "[::1]:30305"});
        values.put("advertisedHost", "node.example");
        values.put("keyFile", "/keys/n.json");
        values.put("maxMessageBytes", 64 << 20);
        var custom = PeerNetworkImpl.settings(TestNet.config(values), net.context());
        assertThat(custom.bootnodes()).extracting(Object::toString).containsExactly("10.0.0.1:30303", "10.0.0.2:30304", "[::1]:30305");
        assertThat(custom.announcedHost()).isEqualTo("node.example");
        assertThat(custom.keyFile()).isEqualTo(Path.of("/keys/n.json"));
        assertThat(custom.maxQueuedBytesPerPeer()).as("raised to one message").isEqualTo(64 << 20);
        assertThatThrownBy(() -> PeerNetworkImpl.settings(TestNet.config(Map.of("idleTimeoutMillis", 100L)), net.context()))
                .hasMessage("invalid net configuration: idleTimeoutMillis (100) must be longer than pingIntervalMillis (15000)");
    }

    @Test
    void deactivationStopsEveryThread() throws Exception {
        PeerNetworkImpl a = net.start("a");
        PeerNetworkImpl b = net.startDialing("b", a);
        Counting counting = new Counting();
        handle(a, "t", counting);
        await("linked", () -> linked(a, b));
        b.broadcast("t", bytes("x"));
        await("delivered", () -> counting.total.get() == 1);
        assertThat(net.registered).hasSize(2);
        net.close();
        assertThat(net.registered).as("services unregistered").isEmpty();
        await("no network threads left", Duration.ofSeconds(5), () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("zgnode-net")));
        // Netty's own shared thread (not ours, but it could hold our tasks) ends within a second or so
        await("no Netty global executor thread left", Duration.ofSeconds(5), () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("globalEventExecutor")));
    }

    @Test
    void shellAndMetricsDescribeTheNetwork() throws Exception {
        PeerNetworkImpl a = net.start("a");
        PeerNetworkImpl b = net.startDialing("b", a);
        handle(a, "blocks", new Counting());
        await("linked", () -> linked(a, b));
        b.broadcast("blocks", new byte[100]);
        b.broadcast("junk", new byte[10]);
        await("counted", () -> info(a, b).messagesIn() == 2);

        NetCommands commands = new NetCommands(a);
        assertThat(commands.peers()).contains(b.self().shortForm()).contains("in ").contains("msgs in");
        assertThat(commands.status()).contains(a.self().toString()).contains("127.0.0.1:" + port(a))
                .contains("1 of 50 (0 outbound, 1 inbound)").contains("topics      blocks").contains("bans        none");
        assertThat(new NetCommands().status()).contains("not running");

        Map<String, Double> metrics = new java.util.TreeMap<>();
        a.collect(new io.zgnode.api.metrics.MetricWriter() {
            @Override
            public void counter(String name, String help, long value, String... labels) {
                metrics.put(name + java.util.Arrays.toString(labels), (double) value);
            }

            @Override
            public void gauge(String name, String help, double value, String... labels) {
                metrics.put(name + java.util.Arrays.toString(labels), value);
            }
        });
        assertThat(metrics).containsEntry("zgnode_net_peers[direction, inbound]", 1.0)
                .containsEntry("zgnode_net_gossip_messages_total[topic, blocks, direction, in]", 1.0)
                .containsEntry("zgnode_net_gossip_bytes_total[topic, blocks, direction, in]", 100.0)
                .containsEntry("zgnode_net_gossip_messages_total[topic, unhandled, direction, in]", 1.0)
                .containsKey("zgnode_net_bytes_total[direction, in]")
                .containsKey("zgnode_net_bans[]")
                .containsKey("zgnode_net_gossip_duplicates_total[]");
        assertThat(metrics.get("zgnode_net_bytes_total[direction, in]")).isGreaterThan(110);
    }
}
