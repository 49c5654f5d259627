package io.zgnode.itests.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.itests.harness.NodeProcess;

/** A chain from a genesis file: remembered, and never silently replaced by another. */
class GenesisTest {

    private static final Duration START = Duration.ofSeconds(90);
    private static final String GENESIS = """
            {"chainId": 4242, "gasLimit": 30000000,
             "alloc": {"0x1234567890123456789012345678901234567890": {"balance": "0x3635c9adc5dea00000"}},
             "validators": [{"address": "0x00000000000000000000000000000000000000bb", "power": 1}],
             "modules": {"example": {"answer": 42}}}
            """;

    @TempDir
    Path dir;

    @Test
    void aNodeRunsTheChainOfItsGenesisAndRefusesAnotherOne() throws Exception {
        Path genesis = Files.writeString(dir.resolve("genesis.json"), GENESIS);
        Path data = dir.resolve("node");
        int port = NodeProcess.freePort();
        try (NodeProcess node = NodeProcess.start(dir.resolve("out1.txt"), "start", "--features", "solo", "--genesis", genesis.toString(),
                "--data", data.toString(), "--rpc-port", Integer.toString(port), "--nointeractive")) {
            node.awaitRpc(port, START);
            node.awaitMethod("eth_chainId", START);
            assertThat(node.call("eth_chainId").get("result").asText()).isEqualTo("0x1092");
            assertThat(node.call("eth_getBalance", "0x1234567890123456789012345678901234567890", "latest").get("result").asText())
                    .isEqualTo("0x3635c9adc5dea00000");
            long deadline = System.nanoTime() + START.toNanos();
            while (Long.decode(node.call("eth_blockNumber").get("result").asText()) < 1 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(node.call("eth_getBlockByNumber", "0x1", false).get("result").get("miner").asText())
                    .as("the genesis validator proposes").isEqualTo("0x00000000000000000000000000000000000000bb");
            node.stop(START);
        }
        Path other = Files.writeString(dir.resolve("other.json"), GENESIS.replace("4242", "4343"));
        NodeProcess.Result refused = NodeProcess.run(START, "start", "--genesis", other.toString(), "--data", data.toString(), "--nointeractive");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).startsWith("zgnode: this node was created with another genesis");

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"chainId\": 0}");
        NodeProcess.Result invalid = NodeProcess.run(START, "start", "--genesis", broken.toString(), "--data", dir.resolve("n2").toString(), "--nointeractive");
        assertThat(invalid.stderr().strip().lines()).hasSize(1);
        assertThat(invalid.stderr()).contains("chainId must be positive");
    }
}
