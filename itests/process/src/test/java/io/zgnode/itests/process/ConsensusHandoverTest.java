package io.zgnode.itests.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zgnode.itests.harness.BundleJars;
import io.zgnode.itests.harness.NodeProcess;

/**
 * The consensus engine is a service that can be replaced live: a one-validator chain hands over
 * from the solo engine to the BFT engine at a configured height, then the BFT bundle is updated
 * while the chain runs. The chain goes on with no fork and no lost or repeated block: every
 * height has one block whose parent is the block below.
 */
class ConsensusHandoverTest {

    private static final Duration START = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BUNDLE_ID = Pattern.compile("^\\s*(\\d+)\\|Active.*io\\.zgnode\\.consensus\\.bft\\b", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void soloHandsOverToBftAtAHeightAndBftIsUpdatedLiveWithoutAForkOrAGap() throws Exception {
        Path key = dir.resolve("validator.json");
        NodeProcess.Result made = NodeProcess.run(START, "keys", "validator", "--out", key.toString(), "--json");
        assertThat(made.exitCode()).as(made.stderr()).isZero();
        String publicKey = JSON.readTree(made.stdout()).get("publicKey").asText();
        Path genesis = Files.writeString(dir.resolve("genesis.json"), """
                {"chainId": 5151, "alloc": {}, "validators": [{"address": "0x00000000000000000000000000000000000000bb", "power": 1, "publicKey": "%s"}]}
                """.formatted(publicKey));
        int port = NodeProcess.freePort();
        try (NodeProcess node = NodeProcess.start(dir.resolve("node.txt"), "start", "--features", "solo,validator", "--genesis", genesis.toString(),
                "--data", dir.resolve("node").toString(), "--rpc-port", Integer.toString(port), "--p2p-port", Integer.toString(NodeProcess.freePort()),
                "--validator-key", key.toString(),
                "--set", "io.zgnode.consensus.solo.intervalMillis=200", "--set", "io.zgnode.consensus.solo.stopHeight=8",
                "--set", "io.zgnode.consensus.bft.startHeight=9", "--set", "io.zgnode.consensus.bft.commitMillis=200")) {
            node.awaitRpc(port, START);
            awaitHeight(node, 14);
            assertChainWithoutGapsOrForks(node, 14);
            for (long number = 1; number <= 8; number++) {
                assertThat(certificate(node, number).path("signatures").size()).as("solo block %d has no votes", number).isZero();
            }
            for (long number = 9; number <= 14; number++) {
                assertThat(certificate(node, number).get("signatures").size()).as("BFT block %d is certified", number).isEqualTo(1);
            }

            node.console("lb -s io.zgnode.consensus.bft");
            String id = awaitMatch(node, BUNDLE_ID);
            long before = height(node);
            Path jar = BundleJars.bundle(NodeProcess.DIST, "io.zgnode.consensus.bft");
            long started = engineStarts(dir);
            node.console("update " + id + " " + jar.toUri());
            awaitHeight(node, before + 8);
            assertThat(engineStarts(dir)).as("the updated bundle's engine started again").isEqualTo(started + 1);
            assertChainWithoutGapsOrForks(node, height(node));
            node.endConsole();
            node.awaitExit(Duration.ofSeconds(30));
        }
    }

    /** How many times a BFT engine started on the node, by its log. */
    private static long engineStarts(Path dir) throws Exception {
        try (var lines = Files.lines(dir.resolve("node/logs/zgnode.0.log"))) {
            return lines.filter(line -> line.contains("bft consensus: ")).count();
        }
    }

    private static JsonNode certificate(NodeProcess node, long number) throws Exception {
        JsonNode response = node.call("zg_getCommitCertificate", "0x" + Long.toHexString(number));
        return response.has("result") && !response.get("result").isNull() ? response.get("result") : JSON.createObjectNode();
    }

    private static void assertChainWithoutGapsOrForks(NodeProcess node, long to) throws Exception {
        String parent = node.call("eth_getBlockByNumber", "0x0", false).get("result").get("hash").asText();
        for (long number = 1; number <= to; number++) {
            JsonNode block = node.call("eth_getBlockByNumber", "0x" + Long.toHexString(number), false).get("result");
            assertThat(block).as("block %d exists", number).isNotNull();
            assertThat(block.get("parentHash").asText()).as("block %d follows block %d", number, number - 1).isEqualTo(parent);
            parent = block.get("hash").asText();
        }
    }

    private static long height(NodeProcess node) throws Exception {
        return Long.decode(node.call("eth_blockNumber").get("result").asText());
    }

    private static void awaitHeight(NodeProcess node, long height) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (height(node) < height) {
            assertThat(System.nanoTime()).as("height %d reached (now %d):\n%s", height, height(node), node.output()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String awaitMatch(NodeProcess node, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Matcher matcher = pattern.matcher(node.output());
            if (matcher.find()) {
                return matcher.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not in the console output:\n" + node.output());
    }
}
