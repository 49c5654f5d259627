package io.zgnode.itests.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Hex;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.da.blob.BlobShape;
import io.zgnode.da.contracts.DaEntranceCalls;
import io.zgnode.da.contracts.DaGenesis;
import io.zgnode.da.contracts.DaSignatures;
import io.zgnode.itests.harness.Devnet;
import io.zgnode.itests.harness.Devnet.Node;
import io.zgnode.itests.harness.NodeProcess;

/**
 * Data availability on a 4-node devnet whose nodes are validators and DA signers (equal stakes:
 * 768 of the 3072 rows each): a blob is confirmed and comes back byte-exact; bad blobs and forged
 * or short certificates are refused; with one signer down a blob is still confirmed and, with a
 * quarter more of its rows corrupted on disk, still retrieved exactly while sampling catches the
 * corrupted rows; with two down nothing is certified. The tests run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaDevnetTest {

    private static final Duration CLIENT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = Long.getLong("zgnode.seed", System.nanoTime());
    private static final Random RANDOM = new Random(SEED);

    @TempDir
    static Path dir;

    private static Devnet devnet;
    private static List<Node> nodes;
    /** The blob of the first test, certified with every signer up. */
    private static String firstRoot;

    @BeforeAll
    static void startDevnet() throws Exception {
        devnet = Devnet.start(dir, 4, "--features", "validator,da", "--node-heap", "384m", "--set", "io.zgnode.consensus.bft.commitMillis=200");
        nodes = devnet.nodes();
    }

    @AfterAll
    static void stopDevnet() throws Exception {
        if (devnet != null) {
            devnet.close();
        }
    }

    @Test
    @Order(1)
    void withEverySignerUpABlobIsConfirmedAndRetrievedByteExact() throws Exception {
        Path blob = randomFile("four.bin", 1_000_000 + RANDOM.nextInt(500_000));

        JsonNode submitted = client("da-submit", blob.toString(), "--rpc", url(0), "--json");
        assertThat(submitted.get("status").asText()).isIn("CONFIRMED", "FINALIZED");
        String root = submitted.get("dataRoot").asText();
        firstRoot = root;
        JsonNode status = nodes.get(0).rpc().result("da_getBlobStatus", submitted.get("requestId").asText());
        assertThat(status.get("signedRows").asInt()).isEqualTo(3072);

        Path out = dir.resolve("four.out");
        JsonNode got = client("da-get", root, "--rpc", url(2), "--out", out.toString(), "--json");
        assertThat(Files.mismatch(blob, out)).as("seed %d", SEED).isEqualTo(-1);
        assertThat(got.get("rowsRejected").asInt()).isZero();
        for (Node node : nodes) {
            JsonNode info = node.rpc().result("da_signerInfo");
            assertThat(info.get("blobs").asInt()).as("%s holds its rows", node.name()).isEqualTo(1);
            assertThat(info.get("rowsHeld").asLong()).isEqualTo(768);
        }

        JsonNode sampled = client("da-sample", root, "--rpc", url(3), "--samples", "16", "--json");
        assertThat(sampled.get("available").asInt()).isEqualTo(16);
        assertThat(sampled.get("confidence").asDouble()).isGreaterThan(0.9999);
    }

    @Test
    @Order(2)
    void emptyOversizedAndMalformedBlobsAreRefusedWithAClearError() throws Exception {
        assertRefused(nodes.get(0).rpc().call("da_submitBlob", ""), "empty");
        assertRefused(nodes.get(0).rpc().call("da_submitBlob", "not base64!"), "base64");
        assertRefused(submitZeros(BlobShape.MAX_PAYLOAD + 1), String.valueOf(BlobShape.MAX_PAYLOAD));

        Path big = dir.resolve("big.bin");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(BlobShape.MAX_PAYLOAD + 1L);
        }
        NodeProcess.Result refused = NodeProcess.run(CLIENT, "client", "da-submit", big.toString(), "--rpc", url(0));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains(String.valueOf(BlobShape.MAX_PAYLOAD));
        assertThat(nodes.get(0).rpc().result("da_signerInfo").get("blobs").asInt()).as("nothing stored").isEqualTo(1);
    }

    @Test
    @Order(3)
    void certificatesWithForgedOrTooFewSignaturesAreRefused() throws Exception {
        Hash root = Hash.of(Hex.decode("0x" + "ab".repeat(32)));
        long chainId = Long.decode(nodes.get(0).rpc().result("eth_chainId").asText());
        long epoch = Long.decode(nodes.get(0).rpc().result("eth_blockNumber").asText()) / DaGenesis.DEFAULT_EPOCH_BLOCKS;
        Hash message = DaSignatures.message(chainId, DaGenesis.DEFAULT_ENTRANCE, root, epoch, 0);
        List<byte[]> two = List.of(DaSignatures.sign(signerKey(0), message), DaSignatures.sign(signerKey(1), message));
        List<byte[]> forged = new ArrayList<>(two);
        forged.add(DaSignatures.sign(PrivateKey.random(new java.security.SecureRandom()), message));

        assertThat(revert(DaEntranceCalls.submitCertificate(root, epoch, 0, two))).contains("insufficient signatures");
        assertThat(revert(DaEntranceCalls.submitCertificate(root, epoch, 0, forged))).contains("holds no row");
        assertThat(nodes.get(0).rpc().result("da_getBlobInfo", root.toString()).isNull()).as("nothing certified").isTrue();
    }

    @Test
    @Order(4)
    void withOneSignerDownABlobIsConfirmedAndSurvivesCorruptedRows() throws Exception {
        Node fourth = nodes.get(3);
        devnet.kill(fourth);
        try {
            Path blob = randomFile("three.bin", 700_000 + RANDOM.nextInt(300_000));
            JsonNode submitted = client("da-submit", blob.toString(), "--rpc", url(0), "--json");
            assertThat(submitted.get("status").asText()).isIn("CONFIRMED", "FINALIZED");
            String root = submitted.get("dataRoot").asText();
            assertThat(nodes.get(0).rpc().result("da_getBlobStatus", submitted.get("requestId").asText()).get("signedRows").asInt()).isEqualTo(2304);

            int corrupted = corruptEveryRow(nodes.get(2), root);
            assertThat(corrupted).isEqualTo(768);

            Path out = dir.resolve("three.out");
            client("da-get", root, "--rpc", url(1), "--out", out.toString(), "--json");
            assertThat(Files.mismatch(blob, out)).as("half of the rows lost or corrupted, seed %d", SEED).isEqualTo(-1);

            JsonNode sampled = client("da-sample", root, "--rpc", url(0), "--samples", "64", "--json");
            assertThat(sampled.get("rejected").asInt()).as("corrupted rows fail their proofs").isPositive();
            assertThat(sampled.get("unreachable").asInt()).as("the stopped signer's rows").isPositive();
        } finally {
            devnet.restart(fourth).detach();
        }
    }

    @Test
    @Order(5)
    void withTwoSignersDownNothingIsCertified() throws Exception {
        Node third = nodes.get(2);
        Node fourth = nodes.get(3);
        devnet.kill(third);
        devnet.kill(fourth);
        try {
            Path blob = randomFile("two.bin", 50_000);
            NodeProcess.Result result = NodeProcess.run(CLIENT, "client", "da-submit", blob.toString(), "--rpc", url(0), "--json");
            assertThat(result.exitCode()).as("stderr: %s", result.stderr()).isEqualTo(1);
            JsonNode status = JSON.readTree(result.stdout());
            assertThat(status.get("status").asText()).isEqualTo("INSUFFICIENT_SIGNATURES");
            assertThat(result.stderr()).contains("1536 of 3072");
            assertThat(nodes.get(0).rpc().result("da_getBlobInfo", status.get("dataRoot").asText()).isNull()).isTrue();
        } finally {
            devnet.restart(third).detach();
            devnet.restart(fourth).detach();
        }
    }

    @Test
    @Order(6)
    void theShellShowsTheSignerItsBlobsAndTheQuorum() throws Exception {
        Node first = nodes.get(0);
        devnet.kill(first);
        String signer = JSON.readTree(first.data().resolve("da-signer-key.json").toFile()).get("address").asText();
        try (NodeProcess node = NodeProcess.start(dir.resolve("console.txt"), "start", "--data", first.data().toString())) {
            node.awaitRpc(first.rpcPort(), Duration.ofSeconds(60));
            node.console("da:status");
            node.console("da:blobs");
            node.console("da:blob " + firstRoot);
            node.console("da:quorum");
            node.console("da:blob 0x1234");
            node.endConsole();
            node.awaitExit(Duration.ofSeconds(60));
            String output = node.output();
            assertThat(output).contains("signer:").contains(signer).contains("stake 100000000000000000000 wei");
            assertThat(output).contains("blobs held:").contains(firstRoot);
            assertThat(output).contains("certified:").contains("3072 rows signed").contains("768 of 768 rows");
            assertThat(output).contains("epoch 0, quorum 0, 3072 rows").contains(" 768 ");
            assertThat(output).contains("not a data root");
        } finally {
            devnet.restart(first).detach();
        }
    }

    /**
     * da_submitBlob of {@code size} zero bytes, the request written as bytes: base64 of zeros is
     * "A"s, so the test's small heap never holds the blob three times over (bytes, text, JSON).
     */
    private static JsonNode submitZeros(int size) throws Exception {
        byte[] head = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"da_submitBlob\",\"params\":[\"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"]}".getBytes(StandardCharsets.US_ASCII);
        int full = size / 3;
        int rest = size % 3;
        int chars = 4 * full + (rest == 0 ? 0 : 4);
        byte[] body = new byte[head.length + chars + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        Arrays.fill(body, head.length, head.length + chars, (byte) 'A');
        if (rest > 0) {
            Arrays.fill(body, head.length + chars - (3 - rest), head.length + chars, (byte) '=');
        }
        System.arraycopy(tail, 0, body, head.length + chars, tail.length);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(0))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** Overwrites every row this node holds of a blob with random bytes, in place, as a failing disk would. */
    private static int corruptEveryRow(Node node, String root) throws Exception {
        Address signer = Address.of(JSON.readTree(node.data().resolve("da-signer-key.json").toFile()).get("address").asText());
        JsonNode info = nodes.get(0).rpc().result("da_getBlobInfo", root);
        Path rows = node.data().resolve("da").resolve("rows").resolve(root.substring(2) + ".rows");
        int count = 0;
        for (JsonNode member : info.get("signers")) {
            if (!Address.of(member.get("address").asText()).equals(signer)) {
                continue;
            }
            JsonNode first = node.rpc().result("da_getRows", root, List.of(member.get("rows").get(0).asInt()));
            int rowBytes = Base64.getDecoder().decode(first.get(0).get("data").asText()).length;
            try (RandomAccessFile file = new RandomAccessFile(rows.toFile(), "rw")) {
                byte[] garbage = new byte[rowBytes];
                for (JsonNode row : member.get("rows")) {
                    RANDOM.nextBytes(garbage);
                    file.seek((long) row.asInt() * rowBytes);
                    file.write(garbage);
                    count++;
                }
                file.getFD().sync();
            }
        }
        return count;
    }

    private static PrivateKey signerKey(int node) throws Exception {
        return PrivateKey.of(Hex.decode(JSON.readTree(nodes.get(node).data().resolve("da-signer-key.json").toFile()).get("privateKey").asText()));
    }

    /** eth_call of the DA entrance: the revert's message. */
    private static String revert(byte[] call) throws Exception {
        JsonNode response = nodes.get(0).rpc().call("eth_call",
                java.util.Map.of("to", DaGenesis.DEFAULT_ENTRANCE.toString(), "data", Hex.encode(call), "gas", "0x1c9c380"), "latest");
        assertThat(response.has("error")).as("reverted: %s", response).isTrue();
        return response.get("error").get("message").asText();
    }

    private static void assertRefused(JsonNode response, String reason) {
        assertThat(response.has("error")).as("refused: %s", response).isTrue();
        assertThat(response.get("error").get("code").asInt()).isEqualTo(-32602);
        assertThat(response.get("error").get("message").asText()).contains(reason);
    }

    private static JsonNode client(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "client";
        System.arraycopy(args, 0, command, 1, args.length);
        NodeProcess.Result result = NodeProcess.run(CLIENT, command);
        assertThat(result.exitCode()).as("%s: stderr %s", args[0], result.stderr()).isZero();
        return JSON.readTree(result.stdout());
    }

    private static String url(int node) {
        return nodes.get(node).rpc().url();
    }

    private static Path randomFile(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }
}
