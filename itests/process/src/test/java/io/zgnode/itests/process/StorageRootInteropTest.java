package io.zgnode.itests.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.zgnode.itests.harness.NodeProcess;
import io.zgnode.itests.harness.NodeScripts;

/**
 * {@code ./zgnode client root FILE --json} against the official 0G SDK run unmodified
 * ({@code itests/js/zg-roots.mjs}: ZgFile, merkleTree, createSubmission, all offline) on the same
 * files of random bytes: the same root, size, chunks, segments and submission, node by node. The
 * sizes are the edges of the chunk, segment and padding rules plus random ones; the seed is in
 * every failure message and {@code -Dzgnode.seed=N} repeats a run.
 */
class StorageRootInteropTest {

    private static final long SEED = Long.getLong("zgnode.seed", new SecureRandom().nextLong());
    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;
    /** The first run of ./zgnode may build the distribution. */
    private static final Duration CLI = Duration.ofMinutes(3);
    /** The SDK hashes about 6 MB/s on this machine. */
    private static final Duration SDK = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @BeforeAll
    static void installTheSdk() throws Exception {
        NodeScripts.install();
        assertThat(NodeScripts.DIRECTORY.resolve("node_modules/@0gfoundation/0g-ts-sdk"))
                .as("the official SDK in itests/js/node_modules (run npm ci there when package.json changed)").isDirectory();
    }

    @TestFactory
    Stream<DynamicTest> ourRootAndSubmissionAreTheSdks() {
        return sizes().stream().map(size -> DynamicTest.dynamicTest(size + " bytes (seed " + SEED + ")", () -> compare(size)));
    }

    @Test
    void anEmptyFileIsOneClearLineAndANonZeroExit() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.bin"));
        NodeProcess.Result result = NodeProcess.run(CLI, "client", "root", empty.toString(), "--json");
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.stderr()).isNotZero();
        assertThat(result.stdout()).as("stdout").isEmpty();
        assertThat(result.stderr().strip().lines()).as("stderr").hasSize(1);
        assertThat(result.stderr()).startsWith("zgnode: " + empty + ": ").contains("empty");
    }

    /** The rules' edges, a few MiB, and random sizes: about 40 MiB at most in all. */
    private static List<Integer> sizes() {
        Random random = new Random(SEED);
        List<Integer> sizes = new ArrayList<>(List.of(
                1, 255, 256, 257, // one chunk, then two
                256 * KIB, 256 * KIB + 1, 1025 * 256, // one full segment, then a second one (1025 chunks pad to 1152)
                MIB, 3 * MIB + 5, 4 * MIB)); // powers of two and a three-node submission
        sizes.add(1 + random.nextInt(256 * KIB));
        sizes.add(1 + random.nextInt(4 * MIB));
        sizes.add(1 + random.nextInt(20 * MIB));
        return sizes;
    }

    private static void compare(int size) throws Exception {
        Path file = randomFile(size);
        try {
            NodeProcess.Result cli = NodeProcess.run(CLI, "client", "root", file.toString(), "--json");
            assertThat(cli.exitCode()).as("zgnode exit code for %d bytes (seed %d); stderr: %s", size, SEED, cli.stderr()).isZero();
            assertThat(cli.stdout().strip().lines()).as("zgnode stdout: one JSON object").hasSize(1);
            JsonNode ours = JSON.readTree(cli.stdout());

            JsonNode sdk = NodeScripts.run("zg-roots.mjs", SDK, file.toString());
            assertThat(sdk.path("file").asText()).as("the SDK's line for %s: %s", file, sdk).isEqualTo(file.toString());
            ((ObjectNode) sdk).remove("file");

            assertThat(ours.get("size").asLong()).as("our size (seed %d)", SEED).isEqualTo(size);
            assertThat(ours.get("submission").get("nodes")).as("our submission (seed %d)", SEED).isNotEmpty();
            assertThat(ours).as("%d bytes (seed %d): ours vs the SDK's", size, SEED).isEqualTo(sdk);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Bytes from a generator seeded by the run's seed and the size, written a MiB at a time. */
    private static Path randomFile(int size) throws IOException {
        Random random = new Random(SEED ^ size);
        Path file = dir.resolve("random-" + size + ".bin");
        byte[] block = new byte[MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, Math.min(block.length, size - written));
            }
        }
        return file;
    }
}
