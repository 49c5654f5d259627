package io.zgnode.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.zgnode.crypto.Keccak256;
import io.zgnode.storage.merkle.FileMerkle;
import io.zgnode.storage.merkle.FileTree;

/**
 * 0G file roots of a 256 MiB file read from disk (page cache), on one thread and on all cores,
 * against the limit Keccak-256 itself sets on 256-byte inputs in the same run. A file root hashes
 * every chunk (two Keccak permutations each) and about as many 64-byte inner nodes (one each), so
 * about two thirds of the raw chunk-hashing rate is the ceiling.
 */
public final class MerkleRootBench {

    private static final long FILE_SIZE = 256L << 20;
    private static final int RUNS = 3;
    private static final Duration KECCAK_TIME = Duration.ofSeconds(3);
    private static final int CHUNK = 256;

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        Path file = Files.createTempFile("zgnode-merkle", ".bin");
        try {
            write(file);
            FileMerkle.parallel().of(file);
            keccakRate(1, Duration.ofSeconds(1));

            double keccakOne = keccakRate(1, KECCAK_TIME);
            double keccakAll = keccakRate(cores, KECCAK_TIME);
            double rootOne = rootRate(FileMerkle.sequential(), file);
            double rootAll = rootRate(FileMerkle.parallel(), file);

            System.out.printf("keccak-256 of 256-byte inputs: %.0f MB/s on 1 thread, %.0f MB/s on %d threads%n", keccakOne, keccakAll, cores);
            System.out.printf("file root of 256 MiB, 1 thread: %.0f MB/s (%.0f %% of the keccak limit)%n", rootOne, 100 * rootOne / keccakOne);
            System.out.printf("file root of 256 MiB, %d threads: %.0f MB/s (%.0f %% of the keccak limit), %.2fx one thread%n", cores, rootAll,
                    100 * rootAll / keccakAll, rootAll / rootOne);
            double sdk = sdkRate(file, FileMerkle.parallel().of(file).root().toString());
            System.out.printf("official 0G SDK 1.2.8 (Node.js %s), same file: %.1f MB/s; ours on %d threads is %.0fx that%n", nodeVersion(), sdk, cores,
                    rootAll / sdk);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The SDK's root of the same file, timed around the whole script (Node.js start-up is ~0.1 s of it). */
    private static double sdkRate(Path file, String expectedRoot) throws IOException, InterruptedException {
        Path scripts = Path.of(System.getProperty("zgnode.root", ".")).resolve("itests/js");
        if (!Files.isDirectory(scripts.resolve("node_modules/@0gfoundation"))) {
            run(scripts, Duration.ofMinutes(5), "npm", "ci", "--silent");
        }
        long started = System.nanoTime();
        String output = run(scripts, Duration.ofMinutes(5), "node", "zg-roots.mjs", file.toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!output.contains(expectedRoot)) {
            throw new IllegalStateException("the SDK's root differs from ours (" + expectedRoot + "): " + output);
        }
        return FILE_SIZE / seconds / 1e6;
    }

    private static String nodeVersion() throws IOException, InterruptedException {
        return run(Path.of("."), Duration.ofSeconds(30), "node", "--version").trim();
    }

    private static String run(Path directory, Duration timeout, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    private static void write(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        byte[] block = new byte[4 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < FILE_SIZE; written += block.length) {
                random.nextBytes(block);
                out.write(block);
            }
        }
    }

    /** Best of {@link #RUNS} runs, in MB/s (10^6 bytes). */
    private static double rootRate(FileMerkle merkle, Path file) throws IOException {
        double best = 0;
        String root = null;
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            FileTree tree = merkle.of(file);
            double seconds = (System.nanoTime() - started) / 1e9;
            best = Math.max(best, FILE_SIZE / seconds / 1e6);
            if (root != null && !root.equals(tree.root().toString())) {
                throw new IllegalStateException("the root changed between runs");
            }
            root = tree.root().toString();
        }
        return best;
    }

    /** 256-byte inputs hashed by {@code threads} threads for {@code time}, in MB/s of input. */
    static double keccakRate(int threads, Duration time) throws InterruptedException {
        byte[] input = new byte[1 << 20];
        new SplittableRandom(11).nextBytes(input);
        LongAdder hashed = new LongAdder();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                Keccak256.Hasher hasher = new Keccak256.Hasher();
                byte[] out = new byte[Keccak256.DIGEST_LENGTH];
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long end = System.nanoTime() + time.toNanos();
                long count = 0;
                while (System.nanoTime() < end) {
                    for (int off = 0; off < input.length; off += CHUNK) {
                        hasher.update(input, off, CHUNK).digest(out, 0);
                    }
                    count += input.length / CHUNK;
                }
                hashed.add(count);
            });
            worker.start();
            workers.add(worker);
        }
        window[0] = System.nanoTime();
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        window[1] = System.nanoTime();
        return hashed.sum() * CHUNK / ((window[1] - window[0]) / 1e9) / 1e6;
    }
}
