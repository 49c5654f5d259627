package io.zgnode.net;

import static io.zgnode.net.TestNet.await;
import static io.zgnode.net.TestNet.handle;
import static io.zgnode.net.TestNet.linked;
import static io.zgnode.net.TestNet.net;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.zgnode.api.net.Verdict;
import io.zgnode.net.wire.SessionCipher;

/**
 * Gossip throughput between two nodes on loopback (encrypted, deduplicated, handed to a
 * handler), with 1 KiB and 1 MiB messages; and, as the ceiling, what one thread seals and opens
 * with the session cipher. Run with
 * {@code mvn test -pl bundles/net -Dgroups=benchmark -DexcludedGroups= -Dtest=GossipThroughputBenchmark}.
 */
@Tag("benchmark")
class GossipThroughputBenchmark {

    private TestNet net;
    private PeerNetworkImpl sender;
    private PeerNetworkImpl receiver;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    @BeforeEach
    void setUp() throws Exception {
        net = new TestNet();
        Map<String, Object> config = Map.of("ioThreads", 2, "workerThreads", 2, "pingIntervalMillis", 5000L);
        receiver = net.start("receiver", config);
        handle(receiver, "bench", (from, m) -> {
            messages.incrementAndGet();
            bytes.addAndGet(m.length);
            return Verdict.IGNORE;
        });
        Map<String, Object> dial = new java.util.HashMap<>(config);
        dial.put("bootnodes", new String[] {TestNet.address(receiver)});
        sender = net.start("sender", dial);
        await("linked", () -> linked(sender, receiver));
    }

    @AfterEach
    void tearDown() {
        net.close();
    }

    @Test
    void gossipThroughput() throws Exception {
        long seq = 0;
        for (int size : new int[] {1024, 1 << 20}) {
            seq = run(size, Duration.ofSeconds(2), seq, false);
            seq = run(size, Duration.ofSeconds(5), seq, true);
        }
        cipherCeiling(1024);
        cipherCeiling(1 << 20);
    }

    private long run(int size, Duration duration, long seq, boolean report) throws Exception {
        long queueLimit = Math.max(8L << 20, 8L * size);
        long startMessages = messages.get();
        long startBytes = bytes.get();
        long sent = 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        byte[] payload = new byte[size];
        while (System.nanoTime() < end) {
            while (net(sender).queuedBytes(receiver.self()) > queueLimit) {
                Thread.onSpinWait();
            }
            ByteBuffer.wrap(payload).putLong(seq++);
            sender.broadcast("bench", payload);
            sent++;
        }
        long target = startMessages + sent;
        await("all delivered", Duration.ofSeconds(60), () -> messages.get() >= target);
        double seconds = (System.nanoTime() - start) / 1e9;
        long n = messages.get() - startMessages;
        long b = bytes.get() - startBytes;
        if (report) {
            System.out.printf("gossip %7d B messages: %9.0f msg/s  %8.1f MB/s  (%d messages in %.2f s, dropped %d)%n", size,
                    n / seconds, b / seconds / 1e6, n, seconds, net(sender).metrics().dropped());
        }
        return seq;
    }

    private static void cipherCeiling(int size) throws Exception {
        byte[] key = new byte[32];
        byte[] plain = new byte[size];
        SessionCipher out = new SessionCipher(key);
        SessionCipher in = new SessionCipher(key);
        long total = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 2_000_000_000L) {
            byte[] frame = out.seal(plain);
            in.open(frame, 0, frame.length);
            total += size;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("cipher  %7d B frames: seal + open on one thread %8.1f MB/s%n", size, total / seconds / 1e6);
    }
}
