package io.zgnode.itests.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.itests.harness.Devnet;
import io.zgnode.itests.harness.Devnet.Node;
import io.zgnode.itests.harness.NodeProcess;

/**
 * A 4-validator devnet on loopback, started with {@code zgnode devnet}, through the faults BFT
 * consensus must survive: every node commits the same blocks; with one of four down the rest go
 * on and the fourth catches up when back; with two down the chain halts without a safety
 * violation and resumes; a peer sending garbage is dropped; an equivocating validator is caught.
 * The tests run in order on the same devnet.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevnetTest {

    private static final Duration PROGRESS = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static Devnet devnet;
    private static List<Node> nodes;

    @BeforeAll
    static void startDevnet() throws Exception {
        devnet = Devnet.start(dir, 4, "--features", "validator", "--node-heap", "256m", "--set", "io.zgnode.consensus.bft.commitMillis=200");
        nodes = devnet.nodes();
        assertThat(devnet.description().get("chainId").asLong()).isEqualTo(31337);
        JsonNode contracts = devnet.description().get("contracts");
        assertThat(contracts.get("Flow").asText()).as("the storage contracts, at the genesis's default addresses")
                .isEqualTo("0x0000000000000000000000000000000000000f10");
        assertThat(contracts.get("Market").asText()).isEqualTo("0x0000000000000000000000000000000000000f11");
        assertThat(nodes).hasSize(4);
    }

    @AfterAll
    static void stopDevnet() throws Exception {
        if (devnet != null) {
            devnet.close();
        }
    }

    @Test
    @Order(1)
    void fourValidatorsCommitTheSameBlocks() throws Exception {
        awaitHeight(nodes, 5);
        assertSameBlocks(nodes, 1, minHeight(nodes));
        JsonNode certificate = nodes.get(0).rpc().result("zg_getCommitCertificate", "0x3");
        assertThat(certificate.get("votingPower").asLong() * 3).as("+2/3 signed").isGreaterThan(certificate.get("totalPower").asLong() * 2);
    }

    @Test
    @Order(2)
    void withOneOfFourDownTheRestCommitAndTheFourthCatchesUpWhenBack() throws Exception {
        Node fourth = nodes.get(3);
        devnet.kill(fourth);
        List<Node> rest = nodes.subList(0, 3);
        long before = minHeight(rest);
        awaitHeight(rest, before + 5);
        try (NodeProcess restarted = devnet.restart(fourth)) {
            awaitHeight(List.of(fourth), maxHeight(rest));
            long target = maxHeight(nodes) + 3;
            awaitHeight(nodes, target);
            assertSameBlocks(nodes, 1, minHeight(nodes));
            restarted.detach();
        }
    }

    @Test
    @Order(3)
    void withTwoOfFourDownTheChainHaltsSafelyAndResumes() throws Exception {
        Node third = nodes.get(2);
        Node fourth = nodes.get(3);
        devnet.kill(third);
        devnet.kill(fourth);
        List<Node> rest = nodes.subList(0, 2);
        Thread.sleep(3_000);
        long halted = maxHeight(rest);
        Thread.sleep(5_000);
        assertThat(maxHeight(rest)).as("no quorum: no block").isEqualTo(halted);
        assertSameBlocks(rest, 1, minHeight(rest));
        try (NodeProcess a = devnet.restart(third); NodeProcess b = devnet.restart(fourth)) {
            awaitHeight(nodes, halted + 3);
            assertSameBlocks(nodes, 1, minHeight(nodes));
            a.detach();
            b.detach();
        }
    }

    @Test
    @Order(5)
    void aPeerSendingGarbageIsDroppedAndTheOthersAreUnaffected() throws Exception {
        Node first = nodes.get(0);
        for (int i = 0; i < 3; i++) {
            try (Socket socket = new Socket("127.0.0.1", first.p2pPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}); // announces a 2 GiB frame
                out.write("garbage".repeat(100).getBytes());
                out.flush();
                Thread.sleep(200);
            } catch (java.io.IOException dropped) {
                // the node closed the link: that is the point
            }
        }
        long before = minHeight(nodes);
        awaitHeight(nodes, before + 3);
        for (Node node : nodes) {
            assertThat(Long.decode(node.rpc().result("net_peerCount").asText())).as("%s keeps its 3 peers", node.name()).isEqualTo(3);
        }
    }

    @Test
    @Order(4)
    void anEquivocatingValidatorIsCaughtAndHonestNodesNeverCommitConflictingBlocks() throws Exception {
        Node fourth = nodes.get(3);
        devnet.kill(fourth);
        try (NodeProcess liar = devnet.restart(fourth, "--set", "io.zgnode.consensus.bft.misbehavior=equivocate")) {
            long deadline = System.nanoTime() + PROGRESS.toNanos();
            JsonNode evidence = nodes.get(0).rpc().result("zg_getEvidence");
            while (evidence.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(500);
                evidence = nodes.get(0).rpc().result("zg_getEvidence");
            }
            assertThat(evidence).as("evidence of equivocation on node1").isNotEmpty();
            awaitHeight(nodes.subList(0, 3), maxHeight(nodes.subList(0, 3)) + 3);
            assertSameBlocks(nodes.subList(0, 3), 1, minHeight(nodes.subList(0, 3)));
            liar.detach();
        }
    }

    private static long height(Node node) {
        try {
            return Long.decode(node.rpc().result("eth_blockNumber").asText());
        } catch (Exception e) {
            return -1;
        }
    }

    private static long minHeight(List<Node> of) {
        return of.stream().mapToLong(DevnetTest::height).min().orElse(-1);
    }

    private static long maxHeight(List<Node> of) {
        return of.stream().mapToLong(DevnetTest::height).max().orElse(-1);
    }

    private static void awaitHeight(List<Node> of, long height) throws InterruptedException {
        long deadline = System.nanoTime() + PROGRESS.toNanos();
        while (minHeight(of) < height) {
            assertThat(System.nanoTime()).as("%s reach height %d (now %s)", of.stream().map(Node::name).toList(), height,
                    of.stream().map(n -> n.name() + "=" + height(n)).toList()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Same hash at every height on every node: no fork. */
    private static void assertSameBlocks(List<Node> of, long from, long to) throws Exception {
        for (long number = from; number <= to; number++) {
            String expected = null;
            for (Node node : of) {
                String hash = node.rpc().result("eth_getBlockByNumber", "0x" + Long.toHexString(number), false).get("hash").asText();
                if (expected == null) {
                    expected = hash;
                }
                assertThat(hash).as("block %d on %s", number, node.name()).isEqualTo(expected);
            }
        }
    }

}
