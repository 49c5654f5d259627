package io.zgnode.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.itests.harness.BundleJars;
import io.zgnode.itests.harness.NodeProcess;

/**
 * Live update of a plugin: from the shell's {@code update ID URL} to the first RPC answer served
 * by the new version (a client calling all along). Median of 20. Goal: under 100 ms.
 */
public final class PluginUpdateBench {

    private static final int RUNS = 20;
    private static final Pattern BUNDLE_ID = Pattern.compile("^\\s*(\\d+)\\|Active.*io\\.zgnode\\.plugin\\.example", Pattern.MULTILINE);

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("zgnode-pluginupdate");
        int port = NodeProcess.freePort();
        Path output = dir.resolve("out.txt");
        try (NodeProcess node = NodeProcess.start(output, "start", "--features", "core,example", "--data", dir.resolve("node").toString(),
                "--rpc-port", Integer.toString(port))) {
            node.awaitRpc(port, Duration.ofSeconds(60));
            node.awaitMethod("example_hello", Duration.ofSeconds(60));
            String bundleId = bundleId(node);
            Path original = BundleJars.examplePlugin(NodeProcess.DIST);
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                String suffix = "bench" + (char) ('a' + i);
                Path jar = dir.resolve("example-" + suffix + ".jar");
                BundleJars.withVersionSuffix(original, jar, suffix);
                long started = System.nanoTime();
                node.console("update " + bundleId + " " + jar.toUri());
                while (!servedBy(node).endsWith(suffix)) {
                    Thread.onSpinWait();
                }
                micros.add((System.nanoTime() - started) / 1_000);
            }
            System.out.println("live plugin update to the new version answering: " + new Stats(micros.stream().map(m -> m / 1000.0).toList()).summary("ms"));
            node.endConsole();
            node.awaitExit(Duration.ofSeconds(30));
        }
    }

    private static String servedBy(NodeProcess node) throws Exception {
        JsonNode response = node.call("example_hello");
        return response.has("result") ? response.get("result").get("servedBy").asText() : "";
    }

    private static String bundleId(NodeProcess node) throws Exception {
        node.console("lb -s io.zgnode.plugin.example");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Matcher matcher = BUNDLE_ID.matcher(node.output());
            if (matcher.find()) {
                return matcher.group(1);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("example plugin not listed by lb:\n" + node.output());
    }
}
