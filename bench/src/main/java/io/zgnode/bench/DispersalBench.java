package io.zgnode.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.da.blob.BlobShape;
import io.zgnode.itests.harness.Devnet;

/**
 * Dispersal of the largest blobs ({@link BlobShape#MAX_PAYLOAD} bytes, 1024 -> 3072 rows) on a
 * 4-node devnet on loopback whose nodes are validators and staked DA signers (768 rows each), from a
 * client in this JVM that submits every blob to node 1 (the disperser: it encodes, sends each signer
 * its rows, gathers the signatures and sends the certificate) and polls {@code da_getBlobStatus}
 * every {@link #POLL_MILLIS} ms:
 * <ol>
 * <li>latency, one blob at a time: from the start of {@code da_submitBlob} to CONFIRMED (the
 * certificate's transaction in a block), split into the submit call (upload, base64, encode: the
 * call answers once the data root is known), the rows' dispersal until the certificate transaction
 * is sent, and the certificate's block;</li>
 * <li>sustained: {@link #IN_FLIGHT} blobs in flight for {@link #SUSTAINED}, payload MB (10^6 bytes)
 * of blobs CONFIRMED or FINALIZED per second of wall time, from the first submit to the last
 * confirmation; with the CPU the nodes, this client and the rest of the machine used;</li>
 * <li>retrieval through node 2 (not the disperser): {@code da_retrieveBlob}, which fetches k rows
 * from the signers, checks their proofs, decodes and re-encodes to check the data root; each
 * payload compared with what was sent.</li>
 * </ol>
 * One blob is dispersed and retrieved first, unmeasured (the nodes' JIT). The whole run is bounded to
 * {@link #BUDGET}; the devnet is stopped on the way out, on failure and on SIGTERM too.
 */
public final class DispersalBench {

    private static final int NODES = 4;
    /**
     * Each node's heap; {@code -DnodeHeap=SIZE} tries another. With 512m the disperser died of
     * OutOfMemoryError once two of these blobs were in flight (one at a time passed).
     */
    private static final String NODE_HEAP = System.getProperty("nodeHeap", "768m");
    private static final int COMMIT_MILLIS = 300;
    private static final int LATENCY_BLOBS = 5;
    private static final int IN_FLIGHT = 2;
    private static final Duration SUSTAINED = Duration.ofSeconds(60);
    private static final int RETRIEVALS = 3;
    private static final long POLL_MILLIS = 50;
    /** One blob's dispersal, submit to final status, gives up after this. */
    private static final Duration BLOB_TIMEOUT = Duration.ofSeconds(120);
    /** The devnet's start and the measurements; its stop (up to 90 s) stays within bench/run's 600 s beside them. */
    private static final Duration BUDGET = Duration.ofSeconds(480);

    private static boolean stopped;

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        byte[] base = new byte[BlobShape.MAX_PAYLOAD];
        new SplittableRandom(31).nextBytes(base);
        BlobRequests blobs = new BlobRequests(base);
        Path dir = Files.createTempDirectory("zgnode-dispersal-bench");
        try {
            Devnet devnet = Devnet.start(dir, NODES, "--features", "validator,da", "--node-heap", NODE_HEAP, "--set",
                    "io.zgnode.consensus.bft.commitMillis=" + COMMIT_MILLIS);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop(devnet);
                deleteQuietly(dir);
            }, "dispersal-bench-stop"));
            System.out.printf("devnet of %d nodes (validator,da; heap %s each; commitMillis %d) started in %.0f s%n", NODES, NODE_HEAP, COMMIT_MILLIS,
                    StorageUploadBench.seconds(started));
            try {
                measure(new DispersalBench(devnet, blobs), BUDGET.minusNanos(System.nanoTime() - started));
            } catch (Exception e) {
                printNodeOutput(devnet);
                throw e;
            } finally {
                stop(devnet);
            }
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Runs the benchmark, interrupting it if it is not done within {@code time}. */
    private static void measure(DispersalBench benchmark, Duration time) throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<?> run = runner.submit(() -> {
                benchmark.run();
                return null;
            });
            try {
                run.get(time.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                run.cancel(true);
                throw new IllegalStateException("the benchmark did not finish within " + BUDGET.toSeconds() + " s", e);
            }
        } finally {
            runner.shutdownNow();
        }
    }

    private final Devnet devnet;
    private final BlobRequests blobs;
    private final DaRpc disperser;
    private final AtomicLong numbers = new AtomicLong();

    private DispersalBench(Devnet devnet, BlobRequests blobs) {
        this.devnet = devnet;
        this.blobs = blobs;
        this.disperser = new DaRpc(devnet.node(0).rpc().url(), BLOB_TIMEOUT);
    }

    /** One blob's dispersal as the client saw it: times in seconds from the start of its da_submitBlob. */
    private record Dispersed(long number, String dataRoot, double submitted, double certificateSent, double confirmed, int signedRows) {
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        Dispersed warmUp = disperse();
        System.out.printf("warm-up blob (not measured): CONFIRMED after %.2f s (%.0f MB/s)%n", StorageUploadBench.seconds(started),
                blobs.size() / StorageUploadBench.seconds(started) / 1e6);

        List<Dispersed> oneByOne = new ArrayList<>();
        for (int i = 0; i < LATENCY_BLOBS; i++) {
            oneByOne.add(disperse());
        }
        printLatency(oneByOne);

        sustained();

        DaRpc retriever = new DaRpc(devnet.node(1).rpc().url(), BLOB_TIMEOUT);
        retriever.retrieve(warmUp.dataRoot());
        ThreadCpu retrieverThreads = ThreadCpu.of(devnet.node(1).pid());
        List<Double> seconds = new ArrayList<>();
        for (Dispersed blob : oneByOne.subList(0, RETRIEVALS)) {
            long from = System.nanoTime();
            byte[] payload = retriever.retrieve(blob.dataRoot());
            seconds.add(StorageUploadBench.seconds(from));
            if (!blobs.isBlob(blob.number(), payload)) {
                throw new IllegalStateException("node 2 retrieved other bytes than blob " + blob.number() + " holds");
            }
        }
        Stats retrieval = new Stats(seconds);
        System.out.printf("retrieval through node 2 (da_retrieveBlob: k rows fetched from the signers with their proofs checked, decoded,"
                + " re-encoded to check the data root; bytes compared): median %.2f s = %.1f MB/s (%.2f-%.2f s, n=%d)%n", retrieval.median(),
                blobs.size() / retrieval.median() / 1e6, retrieval.min(), retrieval.max(), retrieval.count());
        ThreadCpu.of(devnet.node(1).pid()).printSince(retrieverThreads, "node 2 during the " + RETRIEVALS + " retrievals");
    }

    private void printLatency(List<Dispersed> dispersed) {
        System.out.printf("one %,d-byte blob at a time, da_submitBlob to CONFIRMED (%d blobs):%n", blobs.size(), dispersed.size());
        for (Dispersed blob : dispersed) {
            System.out.printf("  blob %d: submit answered %.2f s, certificate sent %.2f s, CONFIRMED %.2f s, %d rows signed%n", blob.number(),
                    blob.submitted(), blob.certificateSent(), blob.confirmed(), blob.signedRows());
        }
        Stats total = new Stats(dispersed.stream().map(Dispersed::confirmed).toList());
        Stats submit = new Stats(dispersed.stream().map(Dispersed::submitted).toList());
        Stats rows = new Stats(dispersed.stream().map(blob -> blob.certificateSent() - blob.submitted()).toList());
        Stats certificate = new Stats(dispersed.stream().map(blob -> blob.confirmed() - blob.certificateSent()).toList());
        System.out.printf("  latency: median %.2f s, max %.2f s (min %.2f s)%n", total.median(), total.max(), total.min());
        System.out.printf("  of it, medians: submit call (upload, base64, encode) %.2f s; rows to the signers and their signatures %.2f s;"
                + " certificate to its block %.2f s (polled every %d ms)%n", submit.median(), rows.median(), certificate.median(), POLL_MILLIS);
    }

    /** {@link #IN_FLIGHT} clients, each submitting its next blob once the last one is confirmed, until {@link #SUSTAINED} is over. */
    private void sustained() throws Exception {
        List<ProcessHandle> nodes = devnet.nodes().stream().flatMap(node -> ProcessHandle.of(node.pid()).stream()).toList();
        long nodeCpu = DevnetTransferBench.cpuNanos(nodes);
        long clientCpu = Phase.clientCpu();
        long machine = Phase.machineBusyTicks();
        ThreadCpu disperserThreads = ThreadCpu.of(devnet.node(0).pid());
        ThreadCpu signerThreads = ThreadCpu.of(devnet.node(1).pid());
        long started = System.nanoTime();
        long end = started + SUSTAINED.toNanos();
        AtomicInteger confirmed = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < IN_FLIGHT; c++) {
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        disperse();
                        confirmed.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        double seconds = StorageUploadBench.seconds(started);
        double nodeSeconds = (DevnetTransferBench.cpuNanos(nodes) - nodeCpu) / 1e9;
        double clientSeconds = (Phase.clientCpu() - clientCpu) / 1e9;
        double machineSeconds = (Phase.machineBusyTicks() - machine) / Phase.TICKS_PER_SECOND;
        int blobCount = confirmed.get();
        long bytes = (long) blobCount * blobs.size();
        System.out.printf("sustained, %d blobs in flight for %d s: %d blobs CONFIRMED in %.1f s (first submit to last confirmation) = %.1f MB/s"
                + " certified (%.2f blobs/s)%n", IN_FLIGHT, SUSTAINED.toSeconds(), blobCount, seconds, bytes / seconds / 1e6, blobCount / seconds);
        System.out.printf("  CPU: the %d nodes %.2f cores, this client %.2f; the machine was busy %.2f of %d cores, %.2f of them for anything else;"
                + " %.2f s of node CPU per blob%n", NODES, nodeSeconds / seconds, clientSeconds / seconds, machineSeconds / seconds,
                Runtime.getRuntime().availableProcessors(), Math.max(0, machineSeconds - nodeSeconds - clientSeconds) / seconds, nodeSeconds / blobCount);
        ThreadCpu.of(devnet.node(0).pid()).printSince(disperserThreads, "node 1 (the disperser, and a signer)");
        ThreadCpu.of(devnet.node(1).pid()).printSince(signerThreads, "node 2 (a signer)");
    }

    /** Submits the next blob to the disperser and follows it to CONFIRMED (or FINALIZED); any other end is an error. */
    private Dispersed disperse() throws IOException, InterruptedException {
        long number = numbers.incrementAndGet();
        byte[] request = blobs.request(number);
        long started = System.nanoTime();
        JsonNode submitted = disperser.submit(request);
        double answered = StorageUploadBench.seconds(started);
        String requestId = submitted.get("requestId").asText();
        double certificateSent = Double.NaN;
        long deadline = started + BLOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = disperser.status(requestId);
            if (Double.isNaN(certificateSent) && status.hasNonNull("certificateTx")) {
                certificateSent = StorageUploadBench.seconds(started);
            }
            switch (status.path("status").asText()) {
                case "CONFIRMED", "FINALIZED" -> {
                    double confirmed = StorageUploadBench.seconds(started);
                    return new Dispersed(number, submitted.get("dataRoot").asText(), answered, Double.isNaN(certificateSent) ? confirmed : certificateSent,
                            confirmed, status.path("signedRows").asInt());
                }
                case "PROCESSING" -> Thread.sleep(POLL_MILLIS);
                default -> throw new IllegalStateException("blob " + number + " ended " + status);
            }
        }
        throw new IllegalStateException("blob " + number + " not CONFIRMED within " + BLOB_TIMEOUT.toSeconds() + " s");
    }

    /** The end of every node's output, where a node that died says why (its data folder goes with the devnet's). */
    private static void printNodeOutput(Devnet devnet) throws IOException {
        for (Devnet.Node node : devnet.nodes()) {
            Path output = node.data().resolve("node.out");
            List<String> lines = Files.exists(output) ? Files.readAllLines(output) : List.of("(no node.out)");
            System.err.printf("--- %s (pid %d, %s), last lines of node.out:%n", node.name(), node.pid(),
                    ProcessHandle.of(node.pid()).map(p -> p.isAlive() ? "running" : "exited").orElse("exited"));
            lines.subList(Math.max(0, lines.size() - 8), lines.size()).forEach(System.err::println);
        }
    }

    /** Deletes the devnet's folder (gigabytes of rows), unless the other of main and the SIGTERM hook is at it. */
    private static void deleteQuietly(Path dir) {
        try {
            if (Files.exists(dir)) {
                StorageUploadBench.deleteTree(dir);
            }
        } catch (NoSuchFileException gone) {
            // the other one deleted it meanwhile
        } catch (IOException | RuntimeException e) {
            System.err.println("deleting " + dir + ": " + e);
        }
    }

    /** Stops the devnet once, whoever asks first: the benchmark's end or a SIGTERM from bench/run's timeout (which waits for the other). */
    private static synchronized void stop(Devnet devnet) {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            devnet.close();
        } catch (IOException | InterruptedException e) {
            System.err.println("stopping the devnet: " + e);
        }
    }
}
