package io.zgnode.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.zgnode.crypto.Keccak256;
import io.zgnode.itests.harness.NodeProcess;
import io.zgnode.ledger.genesis.DevGenesis;
import io.zgnode.runtime.cli.RpcClient;
import io.zgnode.runtime.cli.Transactions;
import io.zgnode.runtime.cli.storage.FileDownload;
import io.zgnode.runtime.cli.storage.FileUpload;
import io.zgnode.runtime.cli.storage.FlowContract;
import io.zgnode.runtime.cli.storage.StorageNetwork;
import io.zgnode.runtime.cli.storage.StorageNodeClient;
import io.zgnode.storage.merkle.FileMerkle;
import io.zgnode.storage.merkle.FileTree;

/**
 * One dev storage node ({@code --features core,solo,storage --dev}, shard 0/1) and a 1 GiB file of
 * random bytes uploaded through its JSON-RPC with our client ({@code zgnode client upload}'s
 * classes), then downloaded with every proof checked and compared with the file. The Flow
 * submission (a transaction and its block) is timed apart from the segment upload: the upload
 * starts once the entry exists and ends when the node says it holds the whole file; every call
 * answers only after its segments are verified against the entry's root and forced to disk with
 * their index committed. Prints MB/s (10^6 bytes), the CPU both processes and the rest of the
 * machine used, and where it went ({@link Profiles}).
 *
 * <p>A 256 MiB file is uploaded and downloaded first, untimed, so that both JVMs run compiled
 * code, as a node that has been serving for a while does; {@code -Dwarmup=false} leaves it out
 * (the figures then include the JIT compiling the hot code of both). {@code -Dprofile=false}
 * runs without JFR.
 */
public final class StorageUploadBench {

    private static final long FILE_SIZE = 1L << 30;
    private static final long WARMUP_SIZE = 256L << 20;
    /** The whole benchmark, node start to cleanup, stays within this. */
    private static final Duration BUDGET = Duration.ofMinutes(5);
    private static final Duration WAIT = Duration.ofMinutes(2);

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("zgnode-storage-bench");
        ExecutorService runner = Executors.newSingleThreadExecutor();
        long limit = BUDGET.toSeconds() - 30;
        try {
            Future<?> run = runner.submit(() -> {
                run(dir);
                return null;
            });
            try {
                run.get(limit, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                run.cancel(true);
                throw new IllegalStateException("the benchmark did not finish within " + limit + " s", e);
            }
        } finally {
            runner.shutdownNow();
            runner.awaitTermination(30, TimeUnit.SECONDS);
            deleteTree(dir);
        }
    }

    private static void run(Path dir) throws Exception {
        int port = NodeProcess.freePort();
        String url = "http://127.0.0.1:" + port + "/";
        try (NodeProcess node = NodeProcess.start(dir.resolve("node.txt"), "start", "--features", "core,solo,storage", "--dev",
                "--data", dir.resolve("node").toString(), "--rpc-port", Integer.toString(port), "--nointeractive")) {
            node.awaitRpc(port, Duration.ofSeconds(90));
            node.awaitMethod("zgs_getStatus", Duration.ofSeconds(90));
            System.out.printf("node: pid %d, heap %s%n", node.pid(), maxHeap(node.pid()));

            RpcClient chain = RpcClient.of(url);
            StorageNetwork network = new StorageNetwork(new StorageNodeClient(chain));
            FlowContract flow = new FlowContract(chain, network.entry().flowAddress());
            Transactions transactions = new Transactions(chain, DevGenesis.key(0));
            // started before the warm-up: starting JFR makes both JVMs recompile code it instruments
            Profiles profiles = Boolean.parseBoolean(System.getProperty("profile", "true")) ? Profiles.start(node.pid(), dir) : null;
            if (Boolean.parseBoolean(System.getProperty("warmup", "true"))) {
                long started = System.nanoTime();
                warmUp(dir.resolve("warmup"), network, flow, transactions);
                System.out.printf("warm-up: 256 MiB uploaded and downloaded in %.1f s (not measured)%n", seconds(started));
            }

            Path file = dir.resolve("file.bin");
            long started = System.nanoTime();
            writeRandom(file, FILE_SIZE, 6);
            System.out.printf("1 GiB random file written in %.1f s%n", seconds(started));
            started = System.nanoTime();
            FileTree tree = FileMerkle.parallel().of(file);
            System.out.printf("file root %s in %.1f s (%.0f MB/s, not part of the upload figure)%n", tree.root(), seconds(started),
                    FILE_SIZE / seconds(started) / 1e6);

            // the machine's speed now: on a shared host it changes from run to run
            System.out.printf("keccak-256 of 256-byte inputs on 1 thread: %.0f MB/s%n", keccakRate(Duration.ofSeconds(1)));

            started = System.nanoTime();
            FlowContract.Submitted submitted = flow.submit(transactions, tree.submission(), WAIT);
            System.out.printf("Flow.submit: entry %d in %.2f s (transaction, next block, receipt)%n", submitted.txSeq(), seconds(started));

            Phase upload = Phase.start(node.pid());
            FileUpload.Result result = new FileUpload(network, flow, transactions, WAIT).upload(file, tree, 1);
            upload.stop();
            if (result.transactionHash() != null || result.txSeq() != submitted.txSeq()) {
                throw new IllegalStateException("the upload submitted again instead of using entry " + submitted.txSeq() + ": " + result);
            }
            upload.print("segment upload (zgs_uploadSegmentsByTxSeq until the node holds the whole file)", FILE_SIZE);

            Path out = dir.resolve("download.bin");
            Phase download = Phase.start(node.pid());
            new FileDownload(network, warning -> System.out.println("download warning: " + warning)).download(tree.root(), out, false);
            download.stop();
            long mismatch = Files.mismatch(file, out);
            if (mismatch != -1) {
                throw new IllegalStateException("the downloaded file differs from the uploaded one at byte " + mismatch);
            }
            download.print("download with proofs (zgs_downloadSegmentWithProof, every proof checked, written, forced)", FILE_SIZE);
            System.out.println("downloaded file equals the uploaded one");

            if (profiles != null) {
                profiles.stop();
                upload.printThreads("upload");
                profiles.print("upload", upload);
                download.printThreads("download");
                profiles.print("download", download);
            }
            node.stop(Duration.ofSeconds(30));
        }
    }

    /** The same steps on a smaller file of other bytes, untimed; its files are deleted after. */
    private static void warmUp(Path dir, StorageNetwork network, FlowContract flow, Transactions transactions) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("file.bin");
        Path out = dir.resolve("download.bin");
        writeRandom(file, WARMUP_SIZE, 5);
        FileTree tree = FileMerkle.parallel().of(file);
        new FileUpload(network, flow, transactions, WAIT).upload(file, tree, 1);
        new FileDownload(network, warning -> System.out.println("warm-up download warning: " + warning)).download(tree.root(), out, false);
        if (Files.mismatch(file, out) != -1) {
            throw new IllegalStateException("the warm-up file came back different");
        }
        deleteTree(dir);
    }

    /** MB/s of 256-byte inputs one thread hashes in {@code time}: all the node's segment checks do, and the client's proof checks. */
    private static double keccakRate(Duration time) {
        byte[] input = new byte[1 << 20];
        new SplittableRandom(11).nextBytes(input);
        Keccak256.Hasher hasher = new Keccak256.Hasher();
        byte[] out = new byte[Keccak256.DIGEST_LENGTH];
        long started = System.nanoTime();
        long end = started + time.toNanos();
        long hashed = 0;
        while (System.nanoTime() < end) {
            for (int off = 0; off < input.length; off += 256) {
                hasher.update(input, off, 256).digest(out, 0);
            }
            hashed += input.length;
        }
        return hashed / seconds(started) / 1e6;
    }

    /** The node's maximum heap as its command line sets it (the last -Xmx wins). */
    private static String maxHeap(long pid) {
        String[] arguments = ProcessHandle.of(pid).flatMap(process -> process.info().arguments()).orElse(new String[0]);
        String heap = "?";
        for (String argument : arguments) {
            if (argument.startsWith("-Xmx")) {
                heap = argument.substring(4);
            }
        }
        return heap;
    }

    private static void writeRandom(Path file, long size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] block = new byte[4 << 20];
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                ByteBuffer buffer = ByteBuffer.wrap(block);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
