package io.zgnode.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zgnode.itests.harness.NodeProcess;

/**
 * Cold start: from {@code ./zgnode start --features core} (a new JVM) to the first JSON-RPC
 * answer. Measured for a new data directory (first start: bundles installed into a new framework
 * cache) and for a restart of the same directory. Goal: under 1.5 s.
 */
public final class ColdStartBench {

    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("zgnode-coldstart");
        List<Long> first = new ArrayList<>();
        List<Long> restart = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Path data = dir.resolve("node" + i);
            int port = NodeProcess.freePort();
            first.add(startToFirstAnswer(dir, data, port));
            restart.add(startToFirstAnswer(dir, data, port));
        }
        System.out.println("cold start to first RPC answer, new data dir:      " + new Stats(first).summary("ms"));
        System.out.println("cold start to first RPC answer, restart (same dir): " + new Stats(restart).summary("ms"));
    }

    private static long startToFirstAnswer(Path dir, Path data, int port) throws Exception {
        long started = System.nanoTime();
        try (NodeProcess node = NodeProcess.start(Files.createTempFile(dir, "out", ".txt"), "start", "--features", "core",
                "--data", data.toString(), "--rpc-port", Integer.toString(port), "--nointeractive")) {
            node.awaitRpc(port, Duration.ofSeconds(60), Duration.ofMillis(5));
            if (!node.call("rpc_modules").has("result")) {
                throw new IllegalStateException("rpc_modules failed: " + node.output());
            }
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            node.stop(Duration.ofSeconds(30));
            return elapsed;
        }
    }
}
