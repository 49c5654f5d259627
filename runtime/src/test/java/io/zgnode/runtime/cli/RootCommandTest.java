package io.zgnode.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.runtime.cli.Cli.Result;
import io.zgnode.storage.merkle.FileTree;

/** {@code zgnode client root FILE}, through Main.run; the SDK's own answers are checked in itests/process. */
class RootCommandTest {

    /**
     * What the official SDK 1.2.8 answers for 262145 bytes of the "affine" pattern (byte i =
     * i * 31 + 7), a line of ../shared/conformance/zgs-merkle-vectors.jsonl: two segments, two nodes.
     */
    private static final String AFFINE_262145 = "{\"root\":\"0xb236481c8daf801365d17e798661a7b3a47de5d494a93400ad2cad0d0b322202\","
            + "\"size\":262145,\"chunks\":1025,\"segments\":2,\"submission\":{\"length\":262145,\"tags\":\"0x\",\"nodes\":["
            + "{\"root\":\"0xd91d4fbe931dad9d248e122f5110690dc8b062081085fa8c25ffbd5a121af8ba\",\"height\":10},"
            + "{\"root\":\"0xe2875d845adc18603c940acd0ad48019ef6af26d6406dd4a83d53ea87471aab1\",\"height\":7}]}}";

    @TempDir
    Path dir;

    @Test
    void jsonIsTheSdksRootAndSubmissionWithIntegers() throws Exception {
        Path file = affine(262_145);
        JsonNode json = Cli.run("client", "root", file.toString(), "--json").json();
        assertThat(json.toString()).isEqualTo(AFFINE_262145);
        assertThat(json.get("size").isIntegralNumber()).isTrue();
        assertThat(json.get("submission").get("nodes").get(0).get("height").isIntegralNumber()).isTrue();
    }

    @Test
    void textNamesRootSizeChunksSegmentsAndEveryNode() throws Exception {
        Result text = Cli.run("client", "root", affine(262_145).toString());
        assertThat(text.exitCode()).as("stderr: %s", text.err()).isZero();
        assertThat(text.err()).isEmpty();
        assertThat(text.out()).isEqualTo("""
                root:       0xb236481c8daf801365d17e798661a7b3a47de5d494a93400ad2cad0d0b322202
                size:       262145 bytes
                chunks:     1025 (1152 in the flow, with padding)
                segments:   2
                submission: length 262145, 1152 sectors, 2 nodes
                  height 10  0xd91d4fbe931dad9d248e122f5110690dc8b062081085fa8c25ffbd5a121af8ba
                  height  7  0xe2875d845adc18603c940acd0ad48019ef6af26d6406dd4a83d53ea87471aab1
                """);
    }

    @Test
    void aFileThatCannotHaveARootIsOneLineAndExitCodeOne() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.bin"));
        assertThat(Cli.run("client", "root", empty.toString(), "--json").failure(1))
                .isEqualTo("zgnode: " + empty + ": the file is empty, and 0G storage has no root for an empty file");
        Path missing = dir.resolve("missing.bin");
        assertThat(Cli.run("client", "root", missing.toString()).failure(1))
                .isEqualTo("zgnode: " + missing + ": no such file or directory");
        assertThat(Cli.run("client", "root", dir.toString(), "--json").failure(1))
                .isEqualTo("zgnode: " + dir + ": is a directory, not a file");
    }

    @Test
    void withoutAFileItIsAUsageError() {
        assertThat(Cli.run("client", "root", "--json").failure(2)).contains("FILE");
    }

    @Test
    void theStreamedReadBehindTheProgressBarGivesTheSameTree() throws Exception {
        byte[] bytes = new byte[3 * 262_144 + 4097];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(dir.resolve("random.bin"), bytes);
        FileTree direct = FileTrees.of(file, Long.MAX_VALUE);
        FileTree streamed = FileTrees.of(file, 1);
        assertThat(streamed.root()).isEqualTo(direct.root());
        assertThat(streamed.submission()).isEqualTo(direct.submission());
    }

    @Test
    void aFileOverTheFragmentSizeHasOneRootPerFragmentEachAsItsOwnFilesRoot() throws Exception {
        byte[] bytes = new byte[3 * 262_144 + 100];
        new Random(11).nextBytes(bytes);
        Path file = Files.write(dir.resolve("large.bin"), bytes);

        JsonNode json = Cli.run("client", "root", file.toString(), "--fragment-size", "262144", "--json").json();

        assertThat(json.fieldNames()).toIterable().containsExactly("roots", "size", "fragmentSize", "fragments");
        assertThat(json.get("size").asLong()).isEqualTo(bytes.length);
        assertThat(json.get("fragmentSize").asLong()).isEqualTo(262_144);
        assertThat(json.get("fragments")).hasSize(4);
        for (int i = 0; i < 4; i++) {
            byte[] fragment = Arrays.copyOfRange(bytes, i * 262_144, Math.min(bytes.length, (i + 1) * 262_144));
            Path alone = Files.write(dir.resolve("fragment-" + i + ".bin"), fragment);
            JsonNode own = Cli.run("client", "root", alone.toString(), "--json").json();
            assertThat(json.get("fragments").get(i)).as("fragment %d", i).isEqualTo(own);
            assertThat(json.get("roots").get(i)).isEqualTo(own.get("root"));
        }

        Result text = Cli.run("client", "root", file.toString(), "--fragment-size", "262144");
        assertThat(text.out()).startsWith("fragments:  4 of 262144 bytes (the last one the rest): each is stored as its own entry\n\n"
                + "fragment 1/4: bytes 0 to 262143\nroot:       " + json.get("roots").get(0).asText() + "\n")
                .contains("\nfragment 4/4: bytes 786432 to 786531\nroot:       " + json.get("roots").get(3).asText() + "\nsize:       100 bytes\n");
    }

    @Test
    void aFileWithinTheFragmentSizeKeepsItsOneRootAndABadSizeIsAUsageError() throws Exception {
        Path file = affine(262_145);
        assertThat(Cli.run("client", "root", file.toString(), "--fragment-size", "524288", "--json").json().toString()).isEqualTo(AFFINE_262145);
        assertThat(Cli.run("client", "root", file.toString(), "--fragment-size", "1000", "--json").failure(2))
                .contains("--fragment-size: a fragment size is a power of two from 262144 (one segment) to 4294967296 (4 GiB) bytes, not 1000");
    }

    private Path affine(int size) throws Exception {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return Files.write(dir.resolve("affine-" + size + ".bin"), bytes);
    }
}
