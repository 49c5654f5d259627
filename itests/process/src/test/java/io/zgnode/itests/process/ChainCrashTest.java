package io.zgnode.itests.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Hex;
import io.zgnode.crypto.Keccak256;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.ethereum.UnsignedTransaction;
import io.zgnode.itests.harness.NodeProcess;
import io.zgnode.statetree.Proof;
import io.zgnode.statetree.StateTree;

/**
 * A node killed with SIGKILL while it produces blocks under load restarts at its last committed
 * block: every block a client saw is still there with the same hash and state root, and every
 * transaction a client saw included is still included.
 */
class ChainCrashTest {

    private static final Duration START = Duration.ofSeconds(90);
    private static final PrivateKey DEV_KEY_0 = PrivateKey.of(Hex.decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);

    @TempDir
    Path dir;

    /** What a client saw committed: a block and its state root. */
    private record Seen(String hash, String stateRoot) {
    }

    @Test
    void killedWhileProducingBlocksItRestartsWithEverythingAcknowledged() throws Exception {
        int port = NodeProcess.freePort();
        Path data = dir.resolve("node");
        Map<Long, Seen> blocks = new LinkedHashMap<>();
        Map<String, String> included = new LinkedHashMap<>();
        int sent;
        try (NodeProcess node = NodeProcess.start(dir.resolve("out1.txt"), "start", "--features", "core,solo", "--dev", "--data", data.toString(),
                "--rpc-port", Integer.toString(port), "--set", "io.zgnode.consensus.solo.intervalMillis=100", "--nointeractive")) {
            node.awaitRpc(port, START);
            node.awaitMethod("eth_blockNumber", START);
            List<String> hashes = new ArrayList<>();
            for (sent = 0; sent < 300; sent++) {
                JsonNode response = node.call("eth_sendRawTransaction", Hex.encode(transfer(sent)));
                assertThat(response.has("error")).as("send %d: %s", sent, response).isFalse();
                hashes.add(response.get("result").asText());
                if (sent % 50 == 49) {
                    Thread.sleep(150);
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (included.size() < 150 && System.nanoTime() < deadline) {
                for (String hash : hashes) {
                    JsonNode receipt = node.call("eth_getTransactionReceipt", hash).get("result");
                    if (receipt != null && !receipt.isNull()) {
                        included.put(hash, receipt.get("blockHash").asText());
                    }
                }
            }
            long head = Long.decode(node.call("eth_blockNumber").get("result").asText());
            for (long number = 0; number <= head; number++) {
                JsonNode block = node.call("eth_getBlockByNumber", "0x" + Long.toHexString(number), false).get("result");
                blocks.put(number, new Seen(block.get("hash").asText(), block.get("stateRoot").asText()));
            }
            assertThat(included).as("transactions included before the kill").hasSizeGreaterThanOrEqualTo(150);
            node.close(); // SIGKILL, blocks still being produced
        }

        // restarted without a consensus engine, the node stays at the block it had committed
        try (NodeProcess node = NodeProcess.start(dir.resolve("out2.txt"), "start", "--features", "core", "--data", data.toString(), "--nointeractive")) {
            node.awaitRpc(port, START);
            node.awaitMethod("eth_blockNumber", START);
            long head = Long.decode(node.call("eth_blockNumber").get("result").asText());
            assertThat(head).isGreaterThanOrEqualTo(blocks.size() - 1L);
            blocks.forEach((number, seen) -> {
                JsonNode block = call(node, "eth_getBlockByNumber", "0x" + Long.toHexString(number), false);
                assertThat(block.get("hash").asText()).as("block %d", number).isEqualTo(seen.hash());
                assertThat(block.get("stateRoot").asText()).as("state root of block %d", number).isEqualTo(seen.stateRoot());
            });
            included.forEach((hash, blockHash) -> assertThat(call(node, "eth_getTransactionReceipt", hash).get("blockHash").asText())
                    .as("receipt of %s", hash).isEqualTo(blockHash));

            // the state is the head's: the account's nonce counts its included transactions, and its proof checks
            long nonce = Long.decode(call(node, "eth_getTransactionCount", Address.of(DEV_KEY_0.address()).toString(), "latest").asText());
            long inBlocks = 0;
            for (long number = 1; number <= head; number++) {
                inBlocks += call(node, "eth_getBlockByNumber", "0x" + Long.toHexString(number), false).get("transactions").size();
            }
            assertThat(nonce).isEqualTo(inBlocks);
            JsonNode proof = call(node, "eth_getProof", Address.of(DEV_KEY_0.address()).toString(), List.of(), "latest");
            JsonNode headBlock = call(node, "eth_getBlockByNumber", "latest", false);
            assertThat(proof.get("stateRoot").asText()).isEqualTo(headBlock.get("stateRoot").asText());
            assertThat(StateTree.verify(Hash.of(proof.get("stateRoot").asText()), accountKey(DEV_KEY_0),
                    null, Proof.fromHex(proof.get("accountProof").get(0).asText()))).as("the account is not absent").isFalse();
            node.stop(Duration.ofSeconds(30));
        }

        // with the consensus engine again, the chain goes on from there
        try (NodeProcess node = NodeProcess.start(dir.resolve("out3.txt"), "start", "--features", "core,solo", "--data", data.toString(), "--nointeractive")) {
            node.awaitRpc(port, START);
            node.awaitMethod("eth_blockNumber", START);
            long restartedAt = Long.decode(node.call("eth_blockNumber").get("result").asText());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (Long.decode(node.call("eth_blockNumber").get("result").asText()) <= restartedAt + 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(Long.decode(node.call("eth_blockNumber").get("result").asText())).isGreaterThan(restartedAt + 2);
            node.stop(Duration.ofSeconds(30));
        }
    }

    private static JsonNode call(NodeProcess node, String method, Object... params) {
        try {
            JsonNode response = node.call(method, params);
            assertThat(response.has("error")).as("%s: %s", method, response).isFalse();
            return response.get("result");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] transfer(long nonce) {
        return UnsignedTransaction.eip1559(31337, nonce, GWEI, GWEI.multiply(BigInteger.valueOf(3)), 21_000,
                Address.of("0x6666666666666666666666666666666666666666"), BigInteger.ONE, new byte[0], List.of()).sign(DEV_KEY_0).raw();
    }

    private static Hash accountKey(PrivateKey key) {
        byte[] tagged = new byte[21];
        tagged[0] = 0x01;
        System.arraycopy(key.address(), 0, tagged, 1, 20);
        return Hash.of(Keccak256.hash(tagged));
    }
}
