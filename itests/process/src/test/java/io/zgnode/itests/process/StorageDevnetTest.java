package io.zgnode.itests.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.crypto.Hex;
import io.zgnode.crypto.Keccak256;
import io.zgnode.itests.harness.Devnet;
import io.zgnode.itests.harness.Devnet.Node;
import io.zgnode.itests.harness.NodeProcess;
import io.zgnode.itests.harness.NodeScripts;
import io.zgnode.ledger.genesis.DevGenesis;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.FileMerkle;
import io.zgnode.storage.merkle.FileTree;
import io.zgnode.storage.merkle.SegmentData;
import io.zgnode.storage.merkle.SegmentWithProof;

/**
 * The official 0G SDK (unmodified) against a 4-node devnet whose nodes are validators and storage
 * nodes, 2 shards each held by 2 nodes (node1 and node3 keep shard 0, node2 and node4 shard 1):
 * its Indexer uploads and downloads through any node, its Uploader given one node per shard uploads
 * and its Downloader given only the other replicas gets the same bytes once they synced; bad
 * uploads are refused and store nothing; a storage node killed after acknowledging segments keeps
 * them; with one node of each shard down, files still download. The tests run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorageDevnetTest {

    private static final Duration SCRIPT = Duration.ofMinutes(3);
    private static final long SEED = Long.getLong("zgnode.seed", System.nanoTime());

    @TempDir
    static Path dir;

    private static Devnet devnet;
    private static List<Node> nodes;
    private static final Random RANDOM = new Random(SEED);
    private static final List<Path> UPLOADED = new ArrayList<>();
    private static final List<String> ROOTS = new ArrayList<>();

    @BeforeAll
    static void startDevnet() throws Exception {
        NodeScripts.install();
        devnet = Devnet.start(dir, 4, "--features", "validator,storage", "--shards", "2", "--node-heap", "384m",
                "--set", "io.zgnode.consensus.bft.commitMillis=200");
        nodes = devnet.nodes();
        for (Node node : nodes) {
            awaitStorageNodes(node);
        }
    }

    @AfterAll
    static void stopDevnet() throws Exception {
        if (devnet != null) {
            devnet.close();
        }
    }

    @Test
    @Order(1)
    void theSdkIndexerUploadsThroughOneNodeAndDownloadsThroughAnother() throws Exception {
        Path file = randomFile("indexer.bin", 3 * FileLayout.SEGMENT_SIZE + RANDOM.nextInt(FileLayout.SEGMENT_SIZE));
        Path out = dir.resolve("indexer.out");

        JsonNode result = NodeScripts.run("zg-storage.mjs", SCRIPT, "indexer", url(0), key(0), file.toString(), out.toString(), url(0), url(2));

        assertThat(result.get("root").asText()).isEqualTo(root(file));
        assertThat(Files.mismatch(file, out)).as("seed %d", SEED).isEqualTo(-1);
        remember(file, result);
    }

    @Test
    @Order(2)
    void theSdkUploaderWithOneNodePerShardAndItsDownloaderFromTheOtherReplicas() throws Exception {
        Path file = randomFile("replicas.bin", 5 * FileLayout.SEGMENT_SIZE + 1 + RANDOM.nextInt(FileLayout.SEGMENT_SIZE));
        Path out = dir.resolve("replicas.out");

        JsonNode result = NodeScripts.run("zg-storage.mjs", SCRIPT, "nodes", url(0), key(1), file.toString(), out.toString(),
                url(0) + "," + url(1), url(2) + "," + url(3));

        assertThat(Files.mismatch(file, out)).as("seed %d", SEED).isEqualTo(-1);
        for (Node node : nodes) {
            JsonNode info = node.rpc().result("zgs_getFileInfo", result.get("root").asText(), true);
            assertThat(info.get("finalized").asBoolean()).as("%s holds its shard of the file", node.name()).isTrue();
        }
        remember(file, result);
    }

    @Test
    @Order(3)
    void badUploadsAreRefusedWithAClearErrorAndStoreNothing() throws Exception {
        Path file = randomFile("bad.bin", 2 * FileLayout.SEGMENT_SIZE + 100);
        JsonNode submitted = NodeScripts.run("zg-storage.mjs", SCRIPT, "submit", url(0), key(2), file.toString(), url(0));
        long txSeq = submitted.get("txSeq").asLong();
        FileTree tree = FileMerkle.sequential().of(file);
        byte[] bytes = Files.readAllBytes(file);
        Node node = nodes.get(0);
        awaitEntry(node, tree.root().toString());
        Map<String, Object> good = segment(tree, bytes, 0);
        Map<String, Object> flipped = segment(tree, bytes, 0);
        byte[] data = SegmentData.of(bytes, 0);
        data[9] ^= 1;
        flipped.put("data", Base64.getEncoder().encodeToString(data));
        Map<String, Object> wrongIndex = segment(tree, bytes, 0);
        wrongIndex.put("index", 1);
        Map<String, Object> wrongSize = segment(tree, bytes, 0);
        wrongSize.put("fileSize", bytes.length + 1);
        Map<String, Object> pastTheEnd = segment(tree, bytes, 0);
        pastTheEnd.put("index", 3);
        Map<String, Object> unknownRoot = segment(FileMerkle.sequential().of(new byte[] {1}), new byte[] {1}, 0);

        assertRefused(node, "zgs_uploadSegmentsByTxSeq", List.of(good, flipped), txSeq, "rejected");
        assertRefused(node, "zgs_uploadSegmentsByTxSeq", List.of(wrongIndex), txSeq, "rejected");
        assertRefused(node, "zgs_uploadSegmentsByTxSeq", List.of(wrongSize), txSeq, "says the file has");
        assertRefused(node, "zgs_uploadSegmentsByTxSeq", List.of(pastTheEnd), txSeq, "out of range");
        assertRefused(node, "zgs_uploadSegments", List.of(unknownRoot), null, "no flow entry with root");
        assertRefused(node, "zgs_uploadSegmentsByTxSeq", java.util.Collections.nCopies(65, good), txSeq, "at most 64");

        JsonNode info = node.rpc().result("zgs_getFileInfoByTxSeq", txSeq);
        assertThat(info.get("uploadedSegNum").asLong()).isZero();
        assertThat(info.get("finalized").asBoolean()).isFalse();
    }

    @Test
    @Order(4)
    void aStorageNodeKilledRightAfterAcknowledgingSegmentsStillHoldsThem() throws Exception {
        Path file = randomFile("crash.bin", 6 * FileLayout.SEGMENT_SIZE);
        JsonNode submitted = NodeScripts.run("zg-storage.mjs", SCRIPT, "submit", url(0), key(3), file.toString(), url(2));
        long txSeq = submitted.get("txSeq").asLong();
        FileTree tree = FileMerkle.sequential().of(file);
        byte[] bytes = Files.readAllBytes(file);
        Node third = nodes.get(2); // keeps shard 0 of 2: the entry's segments at even flow segment indexes
        awaitEntry(third, tree.root().toString());
        long firstFlowSegment = third.rpc().result("zgs_getFileInfoByTxSeq", txSeq).get("tx").get("startEntryIndex").asLong() / FileLayout.SEGMENT_CHUNKS;
        List<Map<String, Object>> all = new ArrayList<>();
        List<Integer> ofShardZero = new ArrayList<>();
        for (int i = 0; i < tree.layout().segments(); i++) {
            all.add(segment(tree, bytes, i));
            if ((firstFlowSegment + i) % 2 == 0) {
                ofShardZero.add(i);
            }
        }
        third.rpc().result("zgs_uploadSegmentsByTxSeq", all, txSeq);
        long acknowledged = third.rpc().result("zgs_getFileInfoByTxSeq", txSeq).get("uploadedSegNum").asLong();
        assertThat(acknowledged).isEqualTo(ofShardZero.size());

        devnet.kill(third);
        try (NodeProcess restarted = devnet.restart(third)) {
            awaitStorageNodes(third);
            JsonNode info = third.rpc().result("zgs_getFileInfoByTxSeq", txSeq);
            assertThat(info.get("uploadedSegNum").asLong()).isEqualTo(acknowledged);
            assertThat(info.get("finalized").asBoolean()).isTrue();
            for (int i : ofShardZero) {
                JsonNode segment = third.rpc().result("zgs_downloadSegmentWithProofByTxSeq", txSeq, i);
                assertThat(Base64.getDecoder().decode(segment.get("data").asText())).isEqualTo(SegmentData.of(bytes, i));
            }
            restarted.detach();
        }
    }

    @Test
    @Order(5)
    void withOneNodeOfEachShardDownEveryFileStillDownloads() throws Exception {
        for (String root : ROOTS) {
            awaitFinalized(nodes.get(2), root);
            awaitFinalized(nodes.get(3), root);
        }
        devnet.kill(nodes.get(0));
        devnet.kill(nodes.get(1));
        try {
            for (int i = 0; i < UPLOADED.size(); i++) {
                Path out = dir.resolve("again-" + i + ".out");
                NodeScripts.run("zg-storage.mjs", SCRIPT, "download", ROOTS.get(i), out.toString(), url(2) + "," + url(3));
                assertThat(Files.mismatch(UPLOADED.get(i), out)).as("file %d, seed %d", i, SEED).isEqualTo(-1);
            }
        } finally {
            try (NodeProcess first = devnet.restart(nodes.get(0)); NodeProcess second = devnet.restart(nodes.get(1))) {
                first.detach();
                second.detach();
            }
        }
    }

    @Test
    @Order(6)
    void ourOwnClientUploadsThroughOneNodeAndDownloadsWithEveryProofChecked() throws Exception {
        Path file = randomFile("client.bin", 2 * FileLayout.SEGMENT_SIZE + RANDOM.nextInt(FileLayout.SEGMENT_SIZE));
        String root = upload(file, 1, 5).get("root").asText();
        assertThat(root).isEqualTo(root(file));
        Path out = dir.resolve("client.out");
        assertSucceeds(NodeProcess.run(SCRIPT, "client", "download", root, "--rpc", url(3), "--out", out.toString(), "--json"));

        assertThat(Files.mismatch(file, out)).as("seed %d", SEED).isEqualTo(-1);
    }

    @Test
    @Order(7)
    void ourClientSplitsAFileOverTheFragmentSizeAndItsSectorsProveAgainstTheFlowRoot() throws Exception {
        Path file = randomFile("fragments.bin", 5 * (1 << 20) / 2 + RANDOM.nextInt(FileLayout.SEGMENT_SIZE));
        JsonNode uploaded = upload(file, 0, 6, "--fragment-size", "1048576");
        List<String> roots = new ArrayList<>();
        uploaded.get("roots").forEach(root -> roots.add(root.asText()));
        assertThat(roots).hasSize(3);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(roots.get(0)).isEqualTo(FileMerkle.sequential().of(Arrays.copyOf(bytes, 1 << 20)).root().toString());
        Path out = dir.resolve("fragments.out");
        assertSucceeds(NodeProcess.run(SCRIPT, "client", "download", String.join(",", roots), "--rpc", url(3), "--out", out.toString(), "--json"));
        assertThat(Files.mismatch(file, out)).as("seed %d", SEED).isEqualTo(-1);

        // a sector of the last fragment, proved by a node of its shard against the root the Flow contract reports
        JsonNode context = nodes.get(1).rpc().result("zgs_getFlowContext");
        String flow = nodes.get(1).rpc().result("zgs_getStatus").get("networkIdentity").get("flowAddress").asText();
        byte[] computeFlowRoot = Arrays.copyOf(Keccak256.hash("computeFlowRoot()".getBytes(StandardCharsets.US_ASCII)), 4);
        String computed = nodes.get(1).rpc().result("eth_call", Map.of("to", flow, "data", Hex.encode(computeFlowRoot)), "latest").asText();
        assertThat(context.get(0).asText()).isEqualTo(computed);
        long start = nodes.get(1).rpc().result("zgs_getFileInfo", roots.get(2), true).get("tx").get("startEntryIndex").asLong();
        long sector = start + 1030;
        int keeper = (int) (sector / FileLayout.SEGMENT_CHUNKS % 2); // node1 keeps shard 0 of 2, node2 shard 1
        awaitFinalized(nodes.get(keeper), roots.get(2));
        JsonNode proof = nodes.get(keeper).rpc().result("zgs_getSectorProof", sector, context.get(0).asText());
        byte[] chunk = Arrays.copyOfRange(bytes, (2 << 20) + 1030 * 256, (2 << 20) + 1031 * 256);
        assertThat(proof.get("lemma").get(0).asText()).isEqualTo(Hex.encode(Keccak256.hash(chunk)));
        assertThat(proof.get("path").size()).isEqualTo(64 - Long.numberOfLeadingZeros(context.get(1).asLong() - 1));
        byte[] node = Hex.decode(proof.get("lemma").get(0).asText());
        for (int step = 0; step < proof.get("path").size(); step++) {
            byte[] sibling = Hex.decode(proof.get("lemma").get(step + 1).asText());
            boolean left = proof.get("path").get(step).asBoolean();
            assertThat(left).isEqualTo((sector >>> step & 1) == 0);
            node = left ? Keccak256.hash(node, sibling) : Keccak256.hash(sibling, node);
        }
        assertThat(Hex.encode(node)).isEqualTo(context.get(0).asText());
        JsonNode refused = nodes.get(1 - keeper).rpc().call("zgs_getSectorProof", sector);
        assertThat(refused.get("error").get("message").asText()).contains("in shard " + keeper + "/2, not held here");
    }

    /**
     * {@code zgnode client upload FILE --json} through node {@code node}, paid by development account
     * {@code account} (its key imported with the CLI); the JSON it prints.
     */
    private static JsonNode upload(Path file, int node, int account, String... options) throws Exception {
        Path password = Files.writeString(dir.resolve("password-" + account + ".txt"), "storage test\n");
        Path mnemonic = Files.writeString(dir.resolve("mnemonic-" + account + ".txt"), DevGenesis.MNEMONIC + "\n");
        Path key = dir.resolve("key-" + account + ".json");
        assertSucceeds(NodeProcess.run(SCRIPT, "keys", "import", "--mnemonic-file", mnemonic.toString(), "--index", String.valueOf(account), "--light",
                "--out", key.toString(), "--password-file", password.toString()));
        List<String> args = new ArrayList<>(List.of("client", "upload", file.toString(), "--rpc", url(node), "--key", key.toString(), "--password-file",
                password.toString(), "--json"));
        args.addAll(List.of(options));
        NodeProcess.Result upload = NodeProcess.run(SCRIPT, args.toArray(String[]::new));
        assertSucceeds(upload);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(upload.stdout());
    }

    private static void assertSucceeds(NodeProcess.Result result) {
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.stderr()).isZero();
    }

    private static void remember(Path file, JsonNode result) {
        UPLOADED.add(file);
        ROOTS.add(result.get("root").asText());
    }

    private static void assertRefused(Node node, String method, List<Map<String, Object>> segments, Long txSeq, String reason) throws Exception {
        JsonNode response = txSeq == null ? node.rpc().call(method, segments) : node.rpc().call(method, segments, txSeq);
        assertThat(response.has("error")).as("%s refused: %s", method, response).isTrue();
        assertThat(response.get("error").get("code").asInt()).isEqualTo(-32602);
        assertThat(response.get("error").get("message").asText()).contains(reason);
    }

    private static void awaitEntry(Node node, String root) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (node.rpc().result("zgs_getFileInfo", root, true).isNull()) {
            assertThat(System.nanoTime()).as("%s sees the entry of %s", node.name(), root).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Every storage node of the devnet is listed by this node's indexer: it knows their shards. */
    private static void awaitStorageNodes(Node node) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode response = node.rpc().call("indexer_getShardedNodes");
            if (response.has("result") && response.get("result").get("trusted").size() == nodes.size()) {
                return;
            }
            assertThat(System.nanoTime()).as("%s lists every storage node: %s", node.name(), response).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static void awaitFinalized(Node node, String root) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!node.rpc().result("zgs_getFileInfo", root, true).path("finalized").asBoolean()) {
            assertThat(System.nanoTime()).as("%s holds its shard of %s", node.name(), root).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static Map<String, Object> segment(FileTree tree, byte[] file, int index) {
        SegmentWithProof segment = tree.segment(index, SegmentData.of(file, index));
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("root", segment.root().toString());
        json.put("data", Base64.getEncoder().encodeToString(segment.data()));
        json.put("index", index);
        json.put("proof", Map.of("lemma", segment.proof().lemma().stream().map(Object::toString).toList(), "path", segment.proof().path()));
        json.put("fileSize", segment.fileSize());
        return json;
    }

    private static String root(Path file) throws Exception {
        return FileMerkle.sequential().of(file).root().toString();
    }

    private static Path randomFile(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    private static String url(int node) {
        return nodes.get(node).rpc().url();
    }

    private static String key(int account) {
        return Hex.encode(DevGenesis.key(account).bytes());
    }
}
