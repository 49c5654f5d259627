package io.zgnode.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

import io.zgnode.api.chain.Transaction;
import io.zgnode.itests.harness.NodeProcess;

/**
 * The crash-fault baseline for our BFT consensus: Apache Ratis (Raft) replicating the same
 * transaction bytes our chain carries, batched as our blocks are. Four Raft peers run in this JVM,
 * each with its own gRPC port on 127.0.0.1 and its own storage directory (a temporary directory,
 * deleted at the end whatever happens). One log entry is one batch of N pre-signed raw EIP-1559
 * transfers, each prefixed with its 4-byte length. The state machine only walks the length
 * prefixes and counts the transactions: it verifies no signature, since Raft trusts its peers.
 * <p>
 * A client keeps a fixed number of entries in flight (closed loop); a reply comes once the leader
 * has applied the entry, i.e. after the entry was fsynced by a majority (3 of 4) and committed.
 * For each batch size: 5 s of warm-up, then 20 s measured: transactions/s and entries/s
 * committed, and the commit latency of each entry (send to reply) p50/p99; then a few seconds
 * with one entry in flight, for the latency without queueing.
 * <p>
 * Arguments: batch sizes (transactions per entry), default {@code 250 2500}. System properties:
 * {@code ratis.window} (entries in flight, default 2 MB worth of entries, at least 2, at most 64),
 * {@code ratis.warmupSeconds}, {@code ratis.measureSeconds}.
 */
public final class RatisBench {

    private static final java.util.logging.Logger LOG_ROOT = java.util.logging.Logger.getLogger("");

    static {
        // before any Ratis class logs (through SLF4J to java.util.logging): Ratis logs every step at INFO
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %3$s: %5$s%6$s%n");
        LOG_ROOT.setLevel(Level.WARNING);
    }

    private static final int PEERS = 4;
    private static final int ACCOUNTS = 500;
    private static final int PER_ACCOUNT = 20;
    private static final long WARMUP_MILLIS = Long.getLong("ratis.warmupSeconds", 5) * 1000;
    private static final long MEASURE_MILLIS = Long.getLong("ratis.measureSeconds", 20) * 1000;
    private static final long SINGLE_MILLIS = 3_000;
    private static final long DEADLINE_MILLIS = 150_000;

    /** The Raft configuration, printed with the figures. */
    private static final SizeInBytes SEGMENT_SIZE = SizeInBytes.valueOf("16MB");
    private static final int SEGMENT_CACHE_NUM = 3;
    private static final SizeInBytes SEGMENT_CACHE_SIZE = SizeInBytes.valueOf("64MB");
    private static final TimeDuration ELECTION_MIN = TimeDuration.valueOf(1000, TimeUnit.MILLISECONDS);
    private static final TimeDuration ELECTION_MAX = TimeDuration.valueOf(2000, TimeUnit.MILLISECONDS);

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(250, 2_500) : Stream.of(args).map(Integer::parseInt).toList();

        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(DEADLINE_MILLIS);
                System.err.printf("RatisBench: not done after %d s, stopping%n", DEADLINE_MILLIS / 1000);
                System.exit(3); // the shutdown hook stops the peers and deletes their storage
            } catch (InterruptedException e) {
                // done in time
            }
        }, "ratis-bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        long signStart = System.nanoTime();
        List<byte[]> raw = sign();
        double averageSize = raw.stream().mapToInt(r -> r.length).average().orElse(0);
        System.out.printf("signed %,d transfers from %d accounts in %.1f s (%.0f bytes each on average); entries cycle through them%n",
                raw.size(), ACCOUNTS, (System.nanoTime() - signStart) / 1e9, averageSize);

        int status = 0;
        Cluster cluster = new Cluster(Files.createTempDirectory("zgnode-ratis"));
        Thread hook = new Thread(cluster::close, "ratis-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            cluster.start();
            System.out.printf("Ratis 3.2.0: %d peers in this JVM, gRPC on 127.0.0.1 ports %s, storage under %s (%s)%n", PEERS,
                    cluster.ports, cluster.root, cluster.describe());
            for (int size : sizes) {
                run(cluster, raw, size);
            }
            cluster.checkReplicas();
            System.out.println("state machine: counts the transactions of each entry and verifies no signature: Raft trusts its peers "
                    + "(crash faults only), while in BFT every node recovers every sender");
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        } finally {
            cluster.close();
            watchdog.interrupt();
        }
        System.exit(status); // Ratis leaves non-daemon threads behind
    }

    private static void run(Cluster cluster, List<byte[]> raw, int size) throws Exception {
        List<Message> entries = entries(raw, size);
        int entryBytes = entries.get(0).getContent().size();
        int window = Integer.getInteger("ratis.window", Math.max(2, Math.min(64, (2 << 20) / entryBytes)));

        drive(cluster, entries, size, window, WARMUP_MILLIS);
        long leaderBefore = cluster.leaderApplied();
        long termBefore = cluster.term();
        long cpuBefore = cpuNanos();
        long gcBefore = gcMillis();
        Result loaded = drive(cluster, entries, size, window, MEASURE_MILLIS);
        double cores = (cpuNanos() - cpuBefore) / 1e6 / MEASURE_MILLIS;
        double gcShare = (gcMillis() - gcBefore) * 100.0 / MEASURE_MILLIS;
        long leaderApplied = cluster.leaderApplied() - leaderBefore;
        long termAfter = cluster.term();
        Result single = drive(cluster, entries, size, 1, SINGLE_MILLIS);

        double seconds = MEASURE_MILLIS / 1000.0;
        Stats latency = new Stats(loaded.latencies);
        System.out.printf(Locale.ROOT, "Ratis (Raft, %d peers, loopback): %,.0f transactions/s in batches of %,d (entries/s %.1f, p50 %.1f ms, p99 %.1f ms)%n",
                PEERS, loaded.transactions / seconds, size, loaded.entries / seconds, latency.percentile(50), latency.percentile(99));
        System.out.printf(Locale.ROOT, "  %d entries in flight, %,d bytes per entry; %,d transactions committed in %.0f s (%,d applied on the leader %s meanwhile, %s); "
                + "process CPU %.2f of %d cores, GC %.1f %% of the time%n", window, entryBytes, loaded.transactions, seconds, leaderApplied, cluster.leaderName(),
                termBefore == termAfter ? "no election" : "ELECTION: term " + termBefore + " -> " + termAfter, cores,
                Runtime.getRuntime().availableProcessors(), gcShare);
        Stats alone = new Stats(single.latencies);
        System.out.printf(Locale.ROOT, "  one entry in flight: p50 %.1f ms, p99 %.1f ms (%.1f entries/s, %,.0f transactions/s)%n", alone.percentile(50),
                alone.percentile(99), single.entries * 1000.0 / SINGLE_MILLIS, single.transactions * 1000.0 / SINGLE_MILLIS);
    }

    /** What one closed-loop run saw: entries and transactions acknowledged, latency of each entry in ms. */
    private record Result(long entries, long transactions, List<Double> latencies) {
    }

    /**
     * Keeps {@code window} entries in flight for {@code millis}, starting from none in flight;
     * counts the entries answered in that time and their latency; then waits for the rest (at most
     * {@code window} entries, not counted).
     */
    private static Result drive(Cluster cluster, List<Message> entries, int size, int window, long millis) throws Exception {
        Semaphore slots = new Semaphore(window);
        LongAdder acknowledged = new LongAdder();
        LongAdder transactions = new LongAdder();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        int next = 0;
        while (System.nanoTime() < end && failure.get() == null) {
            if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            long sent = System.nanoTime();
            CompletableFuture<RaftClientReply> reply = cluster.client.async().send(entries.get(next++ % entries.size()));
            reply.orTimeout(30, TimeUnit.SECONDS).whenComplete((answer, error) -> {
                long at = System.nanoTime();
                if (error != null || !answer.isSuccess()) {
                    failure.compareAndSet(null, error != null ? error : answer.getException());
                } else if (at <= end) {
                    int applied = answer.getMessage().getContent().asReadOnlyByteBuffer().getInt();
                    if (applied != size) {
                        failure.compareAndSet(null, new IllegalStateException("applied " + applied + " of " + size));
                    }
                    acknowledged.increment();
                    transactions.add(applied);
                    latencies.add((at - sent) / 1e6);
                }
                slots.release();
            });
        }
        if (!slots.tryAcquire(window, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("entries still in flight after 60 s");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("an entry failed", failure.get());
        }
        return new Result(acknowledged.sum(), transactions.sum(), new ArrayList<>(latencies));
    }

    /** Pre-signed transfers (on every core; not timed), as the raw bytes eth_sendRawTransaction carries. */
    private static List<byte[]> sign() {
        BenchAccounts accounts = new BenchAccounts(ACCOUNTS);
        int threads = Runtime.getRuntime().availableProcessors();
        return IntStream.range(0, threads).parallel().mapToObj(t -> {
            BenchAccounts part = new BenchAccounts(0);
            for (int i = t; i < accounts.keys.size(); i += threads) {
                part.keys.add(accounts.keys.get(i));
            }
            return part.transfers(PER_ACCOUNT);
        }).flatMap(List::stream).map(Transaction::raw).toList();
    }

    /** Log entries of {@code size} transactions each: [4-byte length][raw transaction]..., cycling through the pool. */
    private static List<Message> entries(List<byte[]> raw, int size) {
        int count = Math.max(4, raw.size() / size);
        List<Message> entries = new ArrayList<>(count);
        int next = 0;
        for (int e = 0; e < count; e++) {
            int bytes = 0;
            for (int i = 0; i < size; i++) {
                bytes += 4 + raw.get((next + i) % raw.size()).length;
            }
            ByteBuffer entry = ByteBuffer.allocate(bytes);
            for (int i = 0; i < size; i++) {
                byte[] transaction = raw.get(next++ % raw.size());
                entry.putInt(transaction.length).put(transaction);
            }
            entries.add(Message.valueOf(UnsafeByteOperations.unsafeWrap(entry.array())));
        }
        return entries;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Counts the transactions of each applied entry; nothing else. */
    static final class CountingStateMachine extends BaseStateMachine {
        final AtomicLong transactions = new AtomicLong();

        @Override
        public CompletableFuture<Message> applyTransaction(TransactionContext context) {
            LogEntryProto entry = context.getLogEntry();
            ByteBuffer data = entry.getStateMachineLogEntry().getLogData().asReadOnlyByteBuffer();
            int count = 0;
            while (data.remaining() >= 4) {
                int length = data.getInt();
                data.position(data.position() + length);
                count++;
            }
            transactions.addAndGet(count);
            updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
            return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(ByteBuffer.allocate(4).putInt(0, count))));
        }
    }

    /** Four peers, their storage, and one client; {@link #close} stops them all and deletes the storage, once. */
    private static final class Cluster implements AutoCloseable {
        final Path root;
        final List<Integer> ports = new ArrayList<>();
        final List<RaftServer> servers = new ArrayList<>();
        final List<CountingStateMachine> machines = new ArrayList<>();
        final RaftGroup group;
        RaftClient client;
        private final AtomicBoolean closed = new AtomicBoolean();

        Cluster(Path root) throws IOException {
            this.root = root;
            List<RaftPeer> peers = new ArrayList<>();
            for (int i = 0; i < PEERS; i++) {
                int port = NodeProcess.freePort();
                ports.add(port);
                peers.add(RaftPeer.newBuilder().setId("peer" + i).setAddress("127.0.0.1:" + port).build());
            }
            group = RaftGroup.valueOf(RaftGroupId.valueOf(UUID.randomUUID()), peers);
        }

        void start() throws Exception {
            for (int i = 0; i < PEERS; i++) {
                RaftProperties properties = properties();
                GrpcConfigKeys.Server.setHost(properties, "127.0.0.1");
                GrpcConfigKeys.Server.setPort(properties, ports.get(i));
                Path storage = Files.createDirectories(root.resolve("peer" + i));
                RaftServerConfigKeys.setStorageDir(properties, List.of(storage.toFile()));
                CountingStateMachine machine = new CountingStateMachine();
                machines.add(machine);
                RaftServer server = RaftServer.newBuilder().setServerId(RaftPeerId.valueOf("peer" + i)).setGroup(group).setProperties(properties)
                        .setStateMachine(machine).setOption(RaftStorage.StartupOption.FORMAT).build();
                servers.add(server);
                server.start();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (leader() < 0 || !servers.get(leader()).getDivision(group.getGroupId()).getInfo().isLeaderReady()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no leader ready in 30 s");
                }
                Thread.sleep(50);
            }
            RaftProperties properties = properties();
            RaftClientConfigKeys.Rpc.setRequestTimeout(properties, TimeDuration.valueOf(10, TimeUnit.SECONDS));
            RaftClientConfigKeys.Async.setOutstandingRequestsMax(properties, 128);
            client = RaftClient.newBuilder().setProperties(properties).setRaftGroup(group).setLeaderId(RaftPeerId.valueOf("peer" + leader()))
                    .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(20, TimeDuration.valueOf(200, TimeUnit.MILLISECONDS))).build();
        }

        /** Settings common to peers and client: only these differ from Ratis' defaults. */
        static RaftProperties properties() {
            RaftProperties properties = new RaftProperties();
            RaftConfigKeys.Rpc.setType(properties, SupportedRpcType.GRPC);
            RaftServerConfigKeys.Log.setSegmentSizeMax(properties, SEGMENT_SIZE);
            RaftServerConfigKeys.Log.setSegmentCacheNumMax(properties, SEGMENT_CACHE_NUM);
            RaftServerConfigKeys.Log.setSegmentCacheSizeMax(properties, SEGMENT_CACHE_SIZE);
            RaftServerConfigKeys.Rpc.setTimeoutMin(properties, ELECTION_MIN);
            RaftServerConfigKeys.Rpc.setTimeoutMax(properties, ELECTION_MAX);
            return properties;
        }

        String describe() {
            RaftProperties properties = properties();
            return String.format(Locale.ROOT, "log segments %s, segment cache %d segments / %s per peer, write buffer %s, "
                    + "log fsync before every append is acknowledged (unsafe-flush %s, async-flush %s; group commit up to %d entries), "
                    + "election timeout %s-%s", SEGMENT_SIZE, SEGMENT_CACHE_NUM, SEGMENT_CACHE_SIZE, RaftServerConfigKeys.Log.writeBufferSize(properties),
                    RaftServerConfigKeys.Log.unsafeFlushEnabled(properties), RaftServerConfigKeys.Log.asyncFlushEnabled(properties),
                    RaftServerConfigKeys.Log.forceSyncNum(properties), ELECTION_MIN, ELECTION_MAX);
        }

        int leader() throws IOException {
            for (int i = 0; i < servers.size(); i++) {
                if (servers.get(i).getDivision(group.getGroupId()).getInfo().isLeader()) {
                    return i;
                }
            }
            return -1;
        }

        String leaderName() throws IOException {
            int leader = leader();
            return leader < 0 ? "(no leader now)" : "peer" + leader;
        }

        long term() throws IOException {
            return servers.stream().mapToLong(server -> {
                try {
                    return server.getDivision(group.getGroupId()).getInfo().getCurrentTerm();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).max().orElse(0);
        }

        long leaderApplied() throws IOException {
            int leader = leader();
            return leader < 0 ? 0 : machines.get(leader).transactions.get();
        }

        /** Every peer applies every entry: waits (up to 20 s) for the followers to catch up with the leader. */
        void checkReplicas() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            long most = machines.stream().mapToLong(m -> m.transactions.get()).max().orElse(0);
            while (machines.stream().anyMatch(m -> m.transactions.get() < most) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            long term = term();
            System.out.printf("all peers applied: %s transactions (leader %s, term %d)%n",
                    machines.stream().map(m -> String.format("%,d", m.transactions.get())).toList(), leaderName(), term);
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            LOG_ROOT.setLevel(Level.SEVERE); // peers stopping one after another warn about each other
            try {
                if (client != null) {
                    client.close();
                }
            } catch (Exception e) {
                System.err.println("closing the Ratis client: " + e);
            }
            for (RaftServer server : servers) {
                try {
                    server.close();
                } catch (Exception e) {
                    System.err.println("closing a Ratis peer: " + e);
                }
            }
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("deleting " + root + ": " + e);
            }
            if (Files.exists(root)) {
                System.err.println("could not delete " + root);
            }
        }
    }
}
