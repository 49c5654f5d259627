package io.zgnode.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.api.chain.Transaction;
import io.zgnode.crypto.Hex;
import io.zgnode.crypto.KeyFile;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.runtime.cli.Cli.Result;
import io.zgnode.runtime.cli.FakeStorageNetwork.Entry;
import io.zgnode.storage.merkle.FileMerkle;
import io.zgnode.storage.merkle.FileTree;

/** {@code zgnode client upload} against fake storage nodes and chain, through Main.run. */
class UploadCommandTest extends FakeStorageTest {

    private static final String PASSWORD = "upload test";
    private static final Map<String, String> ENVIRONMENT = Map.of(Passwords.ENVIRONMENT_VARIABLE, PASSWORD);

    @Test
    void submitsPayingTheSdksFeeAndSendsEachNodeTheSegmentsOfItsShard() throws Exception {
        start("0/2", "1/2");
        byte[] bytes = random(SIZE);
        Path file = Files.write(dir.resolve("data.bin"), bytes);
        FileTree tree = FileMerkle.sequential().of(bytes);

        JsonNode json = Cli.run(ENVIRONMENT, "client", "upload", file.toString(), "--rpc", network.url(), "--key", keyFile().toString(), "--json").json();

        assertThat(network.sent).hasSize(1);
        Transaction submit = network.sent.get(0);
        assertThat(submit.to()).isEqualTo(FakeStorageNetwork.FLOW);
        assertThat(submit.chainId()).isEqualTo(31337L);
        assertThat(submit.value()).isEqualTo(BigInteger.valueOf(tree.submission().sectors()).multiply(FakeStorageNetwork.PRICE_PER_SECTOR));
        assertThat(json.fieldNames()).toIterable().containsExactly("root", "txSeq", "txHash", "size", "segments", "nodes");
        assertThat(json.get("root").asText()).isEqualTo(tree.root().toString());
        assertThat(json.get("txSeq").asLong()).isZero();
        assertThat(json.get("txHash").asText()).isEqualTo(submit.hash().toString());
        assertThat(json.get("size").asLong()).isEqualTo(SIZE);
        assertThat(json.get("segments").asInt()).isEqualTo(6);
        assertThat(json.get("nodes")).extracting(JsonNode::asText).containsExactly(network.node(0).url(), network.node(1).url());

        // the entry starts at flow segment 3: flow segments 4, 6, 8 are the file's 1, 3, 5
        Entry entry = network.entries.get(0);
        assertThat(network.node(0).uploaded).containsExactlyInAnyOrder(1, 3, 5);
        assertThat(network.node(1).uploaded).containsExactlyInAnyOrder(0, 2, 4);
        assertThat(network.node(0).finalized(entry)).isTrue();
        assertThat(network.node(1).finalized(entry)).isTrue();
    }

    @Test
    void aLargeFileGoesUpInCallsOf16SegmentsEachSegmentOnce() throws Exception {
        start("0/1");
        Path file = Files.write(dir.resolve("large.bin"), random(40 * 262_144 + 7));

        assertThat(Cli.run(ENVIRONMENT, "client", "upload", file.toString(), "--rpc", network.url(), "--key", keyFile().toString()).exitCode()).isZero();

        assertThat(network.node(0).uploaded).hasSize(41).doesNotHaveDuplicates();
        assertThat(network.node(0).server.requests.stream().filter(request -> request.get("method").asText().equals("zgs_uploadSegmentsByTxSeq"))
                .map(request -> request.get("params").get(0).size())).containsExactlyInAnyOrder(16, 16, 9);
        assertThat(network.node(0).finalized(network.entries.get(0))).isTrue();
    }

    @Test
    void textSaysWhatWasSubmittedAndWhere() throws Exception {
        start("0/1");
        Path file = Files.write(dir.resolve("small.bin"), random(1000));
        Result text = Cli.run(ENVIRONMENT, "client", "upload", file.toString(), "--rpc", network.url(), "--key", keyFile().toString());
        assertThat(text.exitCode()).as("stderr: %s", text.err()).isZero();
        assertThat(text.err()).isEmpty();
        assertThat(text.out()).contains("size:     1000 bytes, 1 segment\n")
                .contains("txSeq:    0 (submitted in " + network.sent.get(0).hash() + ")")
                .contains("nodes:    " + network.url());
    }

    @Test
    void replicasChooseNodesKeepingEveryShardThatManyTimes() throws Exception {
        start("0/2", "1/2", "0/2", "1/2");
        Path file = Files.write(dir.resolve("data.bin"), random(SIZE));
        JsonNode json = Cli.run(ENVIRONMENT, "client", "upload", file.toString(), "--rpc", network.url(), "--key", keyFile().toString(),
                "--replicas", "2", "--json").json();
        assertThat(json.get("nodes")).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(network.node(i).finalized(network.entries.get(0))).as("node %d", i).isTrue();
        }
    }

    @Test
    void moreReplicasThanTheNodesGiveIsRefusedBeforeAnythingIsSent() throws Exception {
        start("0/2", "1/2", "0/2");
        Path file = Files.write(dir.resolve("data.bin"), random(SIZE));
        String error = Cli.run(ENVIRONMENT, "client", "upload", file.toString(), "--rpc", network.url(), "--key", keyFile().toString(),
                "--replicas", "2").failure(1);
        assertThat(error).contains("cannot keep the file 2 times: shard 1/2 is kept by 1 of them")
                .contains(network.node(1).url() + " (shard 1/2)");
        assertThat(network.sent).isEmpty();
    }

    @Test
    void anEntryAnEarlierAttemptSubmittedIsReusedAndOnlyNodesLackingTheFileGetSegments() throws Exception {
        start("0/2", "1/2");
        byte[] bytes = stored(SIZE, 0);
        Entry entry = network.entries.get(0);
        Path file = Files.write(dir.resolve("data.bin"), bytes);

        Result result = Cli.run(ENVIRONMENT, "client", "upload", file.toString(), "--rpc", network.url(), "--key", keyFile().toString(), "--json");
        JsonNode json = result.json();

        assertThat(network.sent).as("no second submission").isEmpty();
        assertThat(json.has("txHash")).isTrue();
        assertThat(json.get("txHash").isNull()).isTrue();
        assertThat(json.get("txSeq").asLong()).isEqualTo(entry.txSeq());
        assertThat(network.node(0).uploaded).isEmpty();
        assertThat(network.node(1).uploaded).containsExactlyInAnyOrder(0, 2, 4);
        assertThat(network.node(1).finalized(entry)).isTrue();
    }

    @Test
    void aFileEveryChosenNodeHoldsIsNotSentAgain() throws Exception {
        start("0/2", "1/2");
        byte[] bytes = stored(SIZE, 0, 1);
        Path file = Files.write(dir.resolve("data.bin"), bytes);

        Result text = Cli.run(ENVIRONMENT, "client", "upload", file.toString(), "--rpc", network.url(), "--key", keyFile().toString());
        assertThat(text.exitCode()).as("stderr: %s", text.err()).isZero();
        assertThat(text.out()).contains("already stored on every chosen node: nothing sent");
        assertThat(network.sent).isEmpty();
        assertThat(network.node(0).uploaded).isEmpty();
        assertThat(network.node(1).uploaded).isEmpty();
    }

    @Test
    void aSubmissionThatRevertsInItsBlockIsAnErrorWithTheContractsReason() throws Exception {
        start("0/1");
        network.revertIncluded = true;
        Path file = Files.write(dir.resolve("data.bin"), random(1000));
        String error = Cli.run(ENVIRONMENT, "client", "upload", file.toString(), "--rpc", network.url(), "--key", keyFile().toString()).failure(1);
        assertThat(error).isEqualTo("zgnode: Flow.submit transaction " + network.sent.get(0).hash() + " reverted in block 2"
                + ": execution reverted: Not enough fee");
        assertThat(network.node(0).uploaded).isEmpty();
    }

    @Test
    void aNodeThatNeverSeesTheEntryIsNamedWhenTheTimeIsUp() throws Exception {
        start("0/1");
        network.node(0).blind = true;
        Path file = Files.write(dir.resolve("data.bin"), random(1000));
        String error = Cli.run(ENVIRONMENT, "client", "upload", file.toString(), "--rpc", network.url(), "--key", keyFile().toString(),
                "--timeout", "1").failure(1);
        assertThat(error).isEqualTo("zgnode: " + network.url() + " has not seen flow entry 0 within 1 s: is it following the chain?");
    }

    @Test
    void withoutAnIndexerTheEntryNodeAloneIsUsed() throws Exception {
        start("0/1", "0/1");
        network.node(0).indexer = false;
        Path file = Files.write(dir.resolve("data.bin"), random(SIZE));
        JsonNode json = Cli.run(ENVIRONMENT, "client", "upload", file.toString(), "--rpc", network.url(), "--key", keyFile().toString(), "--json").json();
        assertThat(json.get("nodes")).extracting(JsonNode::asText).containsExactly(network.url());
        assertThat(network.node(1).uploaded).isEmpty();
    }

    @Test
    void badArgumentsAreRefusedBeforeTheNodeIsAsked() throws Exception {
        start("0/1");
        Path key = keyFile();
        Path file = Files.write(dir.resolve("data.bin"), random(1000));
        assertThat(Cli.run(ENVIRONMENT, "client", "upload", file.toString(), "--rpc", network.url(), "--key", key.toString(), "--replicas", "0")
                .failure(2)).contains("--replicas must be at least 1, got 0");
        assertThat(Cli.run(ENVIRONMENT, "client", "upload", file.toString(), "--rpc", network.url()).failure(2)).contains("--key");

        Path empty = Files.createFile(dir.resolve("empty.bin"));
        assertThat(Cli.run(ENVIRONMENT, "client", "upload", empty.toString(), "--rpc", network.url(), "--key", key.toString()).failure(1))
                .isEqualTo("zgnode: " + empty + ": the file is empty, and 0G storage has no root for an empty file");

        for (String size : new String[] {"262143", "393216", "8589934592", "0"}) {
            assertThat(Cli.run(ENVIRONMENT, "client", "upload", file.toString(), "--rpc", network.url(), "--key", key.toString(), "--fragment-size", size)
                    .failure(2)).contains("--fragment-size: a fragment size is a power of two from 262144 (one segment) to 4294967296 (4 GiB) bytes, not "
                            + size);
        }

        assertThat(Cli.run(Map.of(), "client", "upload", file.toString(), "--rpc", network.url(), "--key", key.toString()).failure(1))
                .isEqualTo("zgnode: no password: give --password-file FILE or set ZGNODE_PASSWORD");
        assertThat(network.node(0).server.requests).isEmpty();
    }

    @Test
    void aNodeWithoutStorageIsNamed() throws Exception {
        try (FakeNode chainOnly = new FakeNode()) {
            Path file = Files.write(dir.resolve("data.bin"), random(1000));
            assertThat(Cli.run(ENVIRONMENT, "client", "upload", file.toString(), "--rpc", chainOnly.url(), "--key", keyFile().toString()).failure(1))
                    .isEqualTo("zgnode: " + chainOnly.url() + " is not a storage node (it does not serve zgs_getStatus):"
                            + " give the URL of a node with the storage feature");
        }
    }

    @Test
    void aFileOverTheFragmentSizeIsStoredAsOneEntryPerFragmentInOrder() throws Exception {
        start("0/2", "1/2");
        byte[] bytes = random(SIZE);
        Path file = Files.write(dir.resolve("data.bin"), bytes);

        JsonNode json = Cli.run(ENVIRONMENT, "client", "upload", file.toString(), "--rpc", network.url(), "--key", keyFile().toString(),
                "--fragment-size", "524288", "--json").json();

        // 1311720 bytes: two fragments of 524288, the last one the rest
        assertThat(json.fieldNames()).toIterable().containsExactly("roots", "size", "fragmentSize", "fragments");
        assertThat(json.get("size").asLong()).isEqualTo(SIZE);
        assertThat(json.get("fragmentSize").asLong()).isEqualTo(524_288);
        List<byte[]> fragments = List.of(Arrays.copyOfRange(bytes, 0, 524_288), Arrays.copyOfRange(bytes, 524_288, 1_048_576),
                Arrays.copyOfRange(bytes, 1_048_576, SIZE));
        assertThat(json.get("roots")).extracting(JsonNode::asText).containsExactlyElementsOf(fragments.stream().map(FakeStorageTest::root).toList());
        assertThat(network.sent).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode fragment = json.get("fragments").get(i);
            assertThat(fragment.fieldNames()).toIterable().containsExactly("root", "txSeq", "txHash", "size", "segments", "nodes");
            assertThat(fragment.get("root").asText()).isEqualTo(json.get("roots").get(i).asText());
            assertThat(fragment.get("txSeq").asLong()).isEqualTo(i);
            assertThat(fragment.get("txHash").asText()).isEqualTo(network.sent.get(i).hash().toString());
            assertThat(fragment.get("size").asLong()).isEqualTo(fragments.get(i).length);
            Entry entry = network.entries.get(i);
            assertThat(entry.root().toString()).isEqualTo(root(fragments.get(i)));
            assertThat(network.node(0).finalized(entry) && network.node(1).finalized(entry)).as("fragment %d is held", i).isTrue();
        }
    }

    @Test
    void aFileInFragmentsUploadedAgainSendsNothingAndTextListsTheRoots() throws Exception {
        start("0/1");
        Path file = Files.write(dir.resolve("data.bin"), random(SIZE));
        String[] upload = {"client", "upload", file.toString(), "--rpc", network.url(), "--key", keyFile().toString(), "--fragment-size", "1048576"};
        Result first = Cli.run(ENVIRONMENT, upload);
        assertThat(first.exitCode()).as("stderr: %s", first.err()).isZero();
        assertThat(network.sent).hasSize(2);

        Result again = Cli.run(ENVIRONMENT, upload);
        assertThat(again.exitCode()).as("stderr: %s", again.err()).isZero();
        assertThat(network.sent).as("no new submission").hasSize(2);
        String roots = network.entries.get(0).root() + "," + network.entries.get(1).root();
        assertThat(again.out()).contains("fragment 1/2: " + network.entries.get(0).root() + ", bytes 0 to 1048575, txSeq 0 (already stored")
                .contains("fragment 2/2: " + network.entries.get(1).root() + ", bytes 1048576 to " + (SIZE - 1) + ", txSeq 1 (already stored")
                .contains("roots:    " + roots + "\n")
                .contains("size:     " + SIZE + " bytes in 2 fragments of 1048576 bytes (the last one the rest)\n");
    }

    private Path keyFile() {
        PrivateKey key = PrivateKey.of(Hex.decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
        KeyFile keyFile = KeyFile.encrypt(key, PASSWORD, KeyFile.ScryptCost.LIGHT, new SecureRandom());
        return KeyFiles.write(dir.resolve("key-" + System.nanoTime() + ".json"), keyFile, false);
    }
}
