package io.zgnode.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.runtime.cli.Cli.Result;
import io.zgnode.runtime.cli.FakeStorageNetwork.Entry;

/**
 * {@code zgnode client download} against fake storage nodes, through Main.run: the official SDK
 * 1.2.8 does not check proofs when downloading; our own client does, and refuses a segment whose
 * proof does not match.
 */
class DownloadCommandTest extends FakeStorageTest {

    @Test
    void fetchesEverySegmentFromANodeOfItsShardAndWritesTheFile() throws Exception {
        start("0/2", "1/2");
        byte[] bytes = stored(SIZE, 0, 1);
        Path out = dir.resolve("out.bin");

        JsonNode json = Cli.run("client", "download", root(bytes), "--rpc", network.url(), "--out", out.toString(), "--json").json();

        assertThat(Files.readAllBytes(out)).isEqualTo(bytes);
        assertThat(json.fieldNames()).toIterable().containsExactly("root", "size", "segments", "out");
        assertThat(json.get("root").asText()).isEqualTo(root(bytes));
        assertThat(json.get("size").asLong()).isEqualTo(SIZE);
        assertThat(json.get("segments").asInt()).isEqualTo(6);
        assertThat(json.get("out").asText()).isEqualTo(out.toAbsolutePath().toString());
        assertThat(leftovers()).containsExactly(out);
    }

    @Test
    void textNamesRootSizeAndTarget() throws Exception {
        start("0/1");
        byte[] bytes = stored(1000, 0);
        Path out = dir.resolve("small.bin");
        Result text = Cli.run("client", "download", root(bytes), "--rpc", network.url(), "--out", out.toString());
        assertThat(text.exitCode()).as("stderr: %s", text.err()).isZero();
        assertThat(text.err()).isEmpty();
        assertThat(text.out()).isEqualTo("root:     " + root(bytes) + "\n"
                + "size:     1000 bytes, 1 segment, every proof checked\n"
                + "out:      " + out.toAbsolutePath() + "\n");
    }

    @Test
    void aSegmentWhoseProofDoesNotMatchIsRefusedAndTakenFromAnotherNode() throws Exception {
        start("0/1", "0/1");
        byte[] bytes = stored(SIZE, 0, 1);
        network.node(0).tamper = true;
        Path out = dir.resolve("out.bin");

        Result result = Cli.run("client", "download", root(bytes), "--rpc", network.url(), "--out", out.toString(), "--json");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(bytes);
        // segments are fetched four at a time: whichever reaches the tampering node first names it, once
        assertThat(result.err().lines().toList()).singleElement().asString().matches("zgnode: warning: not asking "
                + Pattern.quote(network.node(0).url()) + " again: sent segment \\d+ with a proof that does not verify"
                + Pattern.quote(" (segment data does not match the proof's segment root)"));
        assertThat(result.out().lines().count()).isEqualTo(1);
    }

    @Test
    void whenNoNodeGivesAValidSegmentNothingIsWritten() throws Exception {
        start("0/1");
        byte[] bytes = stored(SIZE, 0);
        network.node(0).tamper = true;
        Path out = dir.resolve("out.bin");

        Result result = Cli.run("client", "download", root(bytes), "--rpc", network.url(), "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().toList()).last().asString().startsWith("zgnode: no storage node gave a valid segment ")
                .contains(" of " + root(bytes) + ": " + network.url() + ": ")
                .contains("sent segment ").contains("with a proof that does not verify (segment data does not match the proof's segment root)");
        assertThat(out).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aShardNoNodeKeepsIsNamed() throws Exception {
        start("0/2");
        byte[] bytes = stored(SIZE, 0);
        String error = Cli.run("client", "download", root(bytes), "--rpc", network.url(), "--out", dir.resolve("out.bin").toString()).failure(1);
        assertThat(error).isEqualTo("zgnode: no storage node " + network.url() + " knows keeps shard 1/2 of the flow, so segments of " + root(bytes)
                + " cannot be fetched (nodes: " + network.url() + " (shard 0/2))");
    }

    @Test
    void anUnknownRootIsNamed() throws Exception {
        start("0/1");
        String root = root(new byte[] {1, 2, 3});
        String error = Cli.run("client", "download", root, "--rpc", network.url(), "--out", dir.resolve("out.bin").toString()).failure(1);
        assertThat(error).isEqualTo("zgnode: no storage node knows a file with root " + root + " (asked " + network.url() + " and "
                + network.url() + " (shard 0/1))");
    }

    @Test
    void withoutAnIndexerTheEntryNodeServesEverything() throws Exception {
        start("0/1");
        network.node(0).indexer = false;
        byte[] bytes = stored(SIZE, 0);
        Path out = dir.resolve("out.bin");
        Cli.run("client", "download", root(bytes), "--rpc", network.url(), "--out", out.toString(), "--json").json();
        assertThat(Files.readAllBytes(out)).isEqualTo(bytes);
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws Exception {
        start("0/1");
        byte[] bytes = stored(1000, 0);
        Path out = Files.writeString(dir.resolve("out.bin"), "old");
        assertThat(Cli.run("client", "download", root(bytes), "--rpc", network.url(), "--out", out.toString()).failure(1))
                .isEqualTo("zgnode: " + out.toAbsolutePath() + " exists; give --force to overwrite it");
        assertThat(network.node(0).server.requests).isEmpty();
        assertThat(Files.readString(out)).isEqualTo("old");

        Cli.run("client", "download", root(bytes), "--rpc", network.url(), "--out", out.toString(), "--force", "--json").json();
        assertThat(Files.readAllBytes(out)).isEqualTo(bytes);
    }

    @Test
    void badArgumentsAreRefusedBeforeTheNodeIsAsked() throws Exception {
        start("0/1");
        assertThat(Cli.run("client", "download", "0x1234", "--rpc", network.url(), "--out", dir.resolve("a").toString()).failure(1))
                .isEqualTo("zgnode: ROOT 0x1234 is not a file root: 0x and 64 hex digits");
        String root = root(new byte[] {1});
        assertThat(Cli.run("client", "download", root, "--rpc", network.url(), "--out", dir.toString()).failure(1))
                .isEqualTo("zgnode: " + dir.toAbsolutePath() + " is a directory");
        Path nowhere = dir.resolve("missing/out.bin");
        assertThat(Cli.run("client", "download", root, "--rpc", network.url(), "--out", nowhere.toString()).failure(1))
                .isEqualTo("zgnode: cannot write " + nowhere.toAbsolutePath() + ": no folder " + nowhere.toAbsolutePath().getParent());
        assertThat(Cli.run("client", "download", root, "--rpc", network.url()).failure(2)).contains("--out");
        assertThat(network.node(0).server.requests).isEmpty();
    }

    @Test
    void aFileInFragmentsIsFetchedByItsRootsInOrderAndWrittenAsOne() throws Exception {
        start("0/2", "1/2");
        byte[] bytes = random(SIZE);
        List<byte[]> fragments = List.of(Arrays.copyOfRange(bytes, 0, 524_288), Arrays.copyOfRange(bytes, 524_288, 1_048_576),
                Arrays.copyOfRange(bytes, 1_048_576, SIZE));
        for (byte[] fragment : fragments) {
            Entry entry = network.commit(fragment);
            network.node(0).hold(entry, fragment);
            network.node(1).hold(entry, fragment);
        }
        String roots = String.join(",", fragments.stream().map(FakeStorageTest::root).toList());
        Path out = dir.resolve("out.bin");

        JsonNode json = Cli.run("client", "download", roots, "--rpc", network.url(), "--out", out.toString(), "--json").json();

        assertThat(Files.readAllBytes(out)).isEqualTo(bytes);
        assertThat(json.fieldNames()).toIterable().containsExactly("roots", "size", "segments", "out");
        assertThat(json.get("roots")).extracting(JsonNode::asText).containsExactly(roots.split(","));
        assertThat(json.get("size").asLong()).isEqualTo(SIZE);
        assertThat(json.get("segments").asInt()).isEqualTo(2 + 2 + 2);
        assertThat(leftovers()).containsExactly(out);

        Path swapped = dir.resolve("swapped.bin");
        String reversed = root(fragments.get(1)) + "," + root(fragments.get(0));
        Result text = Cli.run("client", "download", reversed, "--rpc", network.url(), "--out", swapped.toString());
        assertThat(text.exitCode()).as("stderr: %s", text.err()).isZero();
        assertThat(text.out()).isEqualTo("roots:    " + reversed + "\n"
                + "size:     1048576 bytes, 4 segments in 2 fragments, every proof checked\n"
                + "out:      " + swapped.toAbsolutePath() + "\n");
        assertThat(Files.readAllBytes(swapped)).isEqualTo(concat(fragments.get(1), fragments.get(0)));
    }

    @Test
    void whenOneFragmentCannotBeFetchedNothingIsWritten() throws Exception {
        start("0/1");
        byte[] first = stored(SIZE, 0);
        String unknown = root(new byte[] {1, 2, 3});
        Path out = dir.resolve("out.bin");
        String error = Cli.run("client", "download", root(first) + "," + unknown, "--rpc", network.url(), "--out", out.toString()).failure(1);
        assertThat(error).startsWith("zgnode: no storage node knows a file with root " + unknown);
        assertThat(out).doesNotExist();
        assertThat(leftovers()).isEmpty();

        assertThat(Cli.run("client", "download", root(first) + ",0x12", "--rpc", network.url(), "--out", out.toString()).failure(1))
                .isEqualTo("zgnode: ROOT 0x12 is not a file root: 0x and 64 hex digits");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private java.util.List<Path> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
