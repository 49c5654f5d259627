package io.zgnode.itests.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.itests.harness.BundleJars;
import io.zgnode.itests.harness.NodeProcess;

/**
 * The plugin story end to end: a jar dropped into the node's plugins folder is installed live,
 * a newer jar replacing it updates it live, and the plugin is still installed after a restart.
 */
class PluginDeployTest {

    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aDroppedPluginIsServedLiveUpdatedLiveAndKeptAcrossRestarts() throws Exception {
        int port = NodeProcess.freePort();
        Path data = dir.resolve("node");
        Path plugins = data.resolve("plugins");
        try (NodeProcess node = NodeProcess.start(dir.resolve("out1.txt"), "start", "--data", data.toString(),
                "--rpc-port", Integer.toString(port), "--nointeractive")) {
            node.awaitRpc(port, START);
            assertThat(node.call("example_hello").get("error").get("code").asInt()).isEqualTo(-32601);

            Files.createDirectories(plugins);
            copyAtomically(BundleJars.examplePlugin(NodeProcess.DIST), plugins.resolve("example.jar"));
            node.awaitMethod("example_hello", START);
            String firstVersion = node.call("example_hello", "ops").get("result").get("servedBy").asText();
            long counted = node.call("example_count").get("result").asLong();

            Path newer = dir.resolve("example-newer.jar");
            BundleJars.withVersionSuffix(BundleJars.examplePlugin(NodeProcess.DIST), newer, "hotswap");
            copyAtomically(newer, plugins.resolve("example.jar"));
            long deadline = System.nanoTime() + START.toNanos();
            String served = firstVersion;
            while (!served.endsWith("hotswap") && System.nanoTime() < deadline) {
                Thread.sleep(200);
                var response = node.call("example_hello", "ops");
                if (response.has("result")) {
                    served = response.get("result").get("servedBy").asText();
                }
            }
            assertThat(served).as("the newer plugin answers").endsWith("hotswap");
            assertThat(node.call("example_count").get("result").asLong()).as("state kept in the store").isEqualTo(counted + 1);
            node.stop(START);
        }
        try (NodeProcess node = NodeProcess.start(dir.resolve("out2.txt"), "start", "--data", data.toString(), "--nointeractive")) {
            node.awaitRpc(port, START);
            node.awaitMethod("example_hello", START);
            assertThat(node.call("example_hello").get("result").get("servedBy").asText()).endsWith("hotswap");
            node.stop(START);
        }
    }

    /** Copies so that FileInstall never sees a half-written jar. */
    private static void copyAtomically(Path source, Path target) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
