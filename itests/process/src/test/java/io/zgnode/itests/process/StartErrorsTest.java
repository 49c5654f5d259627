package io.zgnode.itests.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.itests.harness.NodeProcess;

/** What an operator sees when a start cannot work: one clear line and a non-zero exit. */
class StartErrorsTest {

    private static final Duration RUN = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void featuresListsEveryFeatureOnOneLineEach() throws Exception {
        NodeProcess.Result result = NodeProcess.run(RUN, "features");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().lines()).anyMatch(line -> line.startsWith("core ")).anyMatch(line -> line.startsWith("example "));
    }

    @Test
    void anUnknownFeatureIsNamed() throws Exception {
        NodeProcess.Result result = NodeProcess.run(RUN, "start", "--features", "core,nosuch", "--data", dir.resolve("n").toString(), "--nointeractive");
        assertOneLineError(result, "unknown feature 'nosuch'");
        assertThat(dir.resolve("n/node.json")).as("nothing remembered from a failed start").doesNotExist();
    }

    @Test
    void aPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            NodeProcess.Result result = NodeProcess.run(RUN, "start", "--data", dir.resolve("n").toString(),
                    "--rpc-port", Integer.toString(taken.getLocalPort()), "--nointeractive");
            assertOneLineError(result, "port " + taken.getLocalPort());
        }
    }

    @Test
    void anUnusableDataDirectoryIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        NodeProcess.Result result = NodeProcess.run(RUN, "start", "--data", file.resolve("sub").toString(), "--nointeractive");
        assertOneLineError(result, "data directory");
    }

    @Test
    void aCorruptOptionsFileIsNamed() throws Exception {
        Path data = Files.createDirectories(dir.resolve("n"));
        Files.writeString(data.resolve("node.json"), "{ this is not json");
        NodeProcess.Result result = NodeProcess.run(RUN, "start", "--data", data.toString(), "--nointeractive");
        assertOneLineError(result, "corrupt node options");
        assertThat(Files.readString(data.resolve("node.json"))).as("left for the operator to fix").isEqualTo("{ this is not json");
    }

    @Test
    void aDataDirectoryInUseIsNamed() throws Exception {
        int port = NodeProcess.freePort();
        Path data = dir.resolve("n");
        try (NodeProcess node = NodeProcess.start(dir.resolve("out.txt"), "start", "--data", data.toString(),
                "--rpc-port", Integer.toString(port), "--nointeractive")) {
            node.awaitRpc(port, RUN);
            NodeProcess.Result result = NodeProcess.run(RUN, "start", "--data", data.toString(), "--rpc-port",
                    Integer.toString(NodeProcess.freePort()), "--nointeractive");
            assertOneLineError(result, "in use by another zgnode process");
            node.stop(RUN);
        }
    }

    @Test
    void aBadSettingIsNamed() throws Exception {
        NodeProcess.Result result = NodeProcess.run(RUN, "start", "--data", dir.resolve("n").toString(), "--set", "nodot", "--nointeractive");
        assertOneLineError(result, "PID.KEY=VALUE");
    }

    @Test
    void aSettingOfTheWrongTypeIsNamed() throws Exception {
        NodeProcess.Result result = NodeProcess.run(RUN, "start", "--data", dir.resolve("n").toString(),
                "--set", "io.zgnode.rpc.maxBatchSize=many", "--nointeractive");
        assertOneLineError(result, "io.zgnode.rpc.maxBatchSize");
    }

    private static void assertOneLineError(NodeProcess.Result result, String expected) {
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.stderr()).isNotZero();
        assertThat(result.stderr().strip().lines()).as("stderr").hasSize(1);
        assertThat(result.stderr()).startsWith("zgnode: ").contains(expected);
    }
}
