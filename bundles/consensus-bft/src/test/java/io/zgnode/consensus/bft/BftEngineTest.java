package io.zgnode.consensus.bft;

import static io.zgnode.consensus.bft.TestNet.await;
import static io.zgnode.consensus.bft.TestNet.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.consensus.ConsensusStatus;
import io.zgnode.api.rpc.RpcException;
import io.zgnode.consensus.bft.TestNet.Node;
import io.zgnode.consensus.bft.core.Certificate;
import io.zgnode.consensus.bft.core.Evidence;
import io.zgnode.consensus.bft.core.Messages;
import io.zgnode.consensus.bft.core.TendermintCore;
import io.zgnode.consensus.bft.core.ValidatorSet;
import io.zgnode.consensus.bft.core.Vote;
import io.zgnode.consensus.bft.core.Wal;
import io.zgnode.consensus.bft.rpc.BftEndpoint;

/** Engines on real ledgers and stores, wired by an in-memory network. */
class BftEngineTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Address RECIPIENT = Address.of("0x2222222222222222222222222222222222222222");

    @TempDir
    Path dir;

    /** Every node's blocks are the same up to {@code height}, each with a certificate that verifies. */
    private static void assertSameChain(List<Node> nodes, long height) throws Exception {
        Node first = nodes.get(0);
        ValidatorSet set = GenesisValidators.of(first.ledger).at(1);
        for (long n = 1; n <= height; n++) {
            Hash hash = first.ledger.block(n).orElseThrow().hash();
            for (Node node : nodes) {
                assertThat(node.ledger.block(n).orElseThrow().hash()).as("block %d", n).isEqualTo(hash);
                Certificate certificate = Certificate.decode(node.ledger.certificate(n));
                certificate.verify(TestNet.CHAIN_ID, set, n, hash);
            }
        }
    }

    @Test
    void fourValidatorsOnTheirOwnLedgersCommitIdenticalBlocksWithTheTransactions() throws Exception {
        try (TestNet net = new TestNet(dir, 1, 1, 1, 1)) {
            List<Node> nodes = net.startValidators(4, TestNet.FAST);
            List<Transaction> sent = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Transaction transfer = transfer(i % 3, i / 3, RECIPIENT, BigInteger.valueOf(1000 + i));
                sent.add(transfer);
                for (Node node : nodes) {
                    node.ledger.submit(transfer.raw()); // what transaction gossip does
                }
            }

            assertThat(await(() -> sent.stream().allMatch(t -> nodes.stream().allMatch(n -> n.ledger.receipt(t.hash()).isPresent())), LIMIT))
                    .as("every transaction included everywhere").isTrue();
            assertThat(await(() -> net.minHead() >= 6, LIMIT)).isTrue();

            long height = net.minHead();
            assertSameChain(nodes, height);
            assertThat(nodes.get(2).ledger.balance(RECIPIENT)).isEqualTo(BigInteger.valueOf(12 * 1000 + 66));
            // blocks were proposed by more than one validator
            assertThat(java.util.stream.LongStream.rangeClosed(1, height).mapToObj(n -> nodes.get(0).ledger.block(n).orElseThrow()
                    .header().proposer()).distinct().count()).isGreaterThan(1);

            ConsensusStatus status = nodes.get(1).engine.status();
            assertThat(status.engine()).isEqualTo("bft");
            assertThat(status.validators()).hasSize(4);
            assertThat(status.self().address()).isEqualTo(status.validators().get(1).address());
            assertThat(status.height()).isGreaterThan(height - 1);

            // the RPC method proves finality to anyone
            BftEndpoint rpc = new BftEndpoint(nodes.get(3).ledger, nodes.get(3).ledger, nodes.get(3).store);
            Map<String, Object> proof = rpc.commitCertificate(3);
            assertThat(proof).containsEntry("height", 3L).containsEntry("totalPower", 4L).containsEntry("valid", true)
                    .containsEntry("blockHash", nodes.get(0).ledger.block(3).orElseThrow().hash().toString());
            assertThat((Long) proof.get("votingPower")).isGreaterThanOrEqualTo(3);
            assertThat((List<?>) proof.get("signatures")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(rpc.commitCertificate("0x3")).isEqualTo(proof);
            assertThat(rpc.commitCertificate(1_000_000)).isNull();
            assertThat(rpc.commitCertificate("latest")).isNotNull();
            assertThatThrownBy(() -> rpc.commitCertificate(0)).isInstanceOf(RpcException.class).hasMessageContaining("no commit certificate");
            assertThatThrownBy(() -> rpc.commitCertificate("soon")).isInstanceOf(RpcException.class);
            assertThat(rpc.evidence(null)).isEmpty();
        }
    }

    @Test
    void aCutOffValidatorRestartsWithoutSigningTwiceAndCatchesUpByBlockSync() throws Exception {
        try (TestNet net = new TestNet(dir, 1, 1, 1, 1)) {
            List<Node> nodes = net.startValidators(4, TestNet.FAST);
            assertThat(await(() -> net.minHead() >= 3, LIMIT)).isTrue();

            // node 3 is cut off: the three others (3 of 4 > 2/3) go on; node 3 waits at its height, having voted there
            Node lonely = nodes.get(3);
            lonely.peer.connected = false;
            Thread.sleep(300); // what was under way lands
            long stuck = lonely.head() + 1;
            List<Node> others = nodes.subList(0, 3);
            assertThat(await(() -> others.stream().allMatch(n -> n.head() >= stuck + 3), LIMIT)).isTrue();
            assertThat(await(() -> !lonely.engine.wal().load(stuck).votes().isEmpty(), LIMIT)).as("it voted at its height").isTrue();
            assertThat(lonely.head()).isEqualTo(stuck - 1);

            // a bundle update: the engine stops and a new instance starts on the same store
            lonely.stop();
            Wal.Recorded before = new io.zgnode.consensus.bft.store.StoreWal(lonely.store, h -> null).load(stuck);
            int sentBefore = lonely.peer.sent.size();
            lonely.start();
            Thread.sleep(2 * TestNet.FAST.rebroadcastMillis() + 300);

            List<Vote> resent = votes(lonely.peer.sent);
            resent = resent.subList(Math.min(resent.size(), votes(sentBefore(lonely, sentBefore)).size()), resent.size());
            assertThat(resent).as("the new instance sends the votes it signed before").containsAll(before.votes());
            Map<String, Vote> byStep = new HashMap<>();
            for (Vote vote : votes(lonely.peer.sent)) {
                Vote first = byStep.putIfAbsent(vote.height() + "/" + vote.round() + "/" + vote.type(), vote);
                assertThat(first == null || first.sameContent(vote)).as("never two different votes for one step: %s, %s", first, vote).isTrue();
            }
            assertThat(lonely.engine.wal().load(stuck).state()).isNotNull();

            // back on the network: block sync brings it to the head, then it takes part again
            lonely.peer.connected = true;
            long target = others.stream().mapToLong(Node::head).max().orElseThrow() + 2;
            assertThat(await(() -> lonely.head() >= target && net.minHead() >= target, LIMIT)).isTrue();
            assertSameChain(nodes, target);
        }
    }

    @Test
    void enginesReplacedLiveContinueFromTheHeadWithoutForkOrGap() throws Exception {
        try (TestNet net = new TestNet(dir, 1, 1, 1, 1)) {
            List<Node> nodes = net.startValidators(4, TestNet.FAST);
            assertThat(await(() -> net.minHead() >= 3, LIMIT)).isTrue();

            for (Node node : nodes) {
                node.stop(); // @Deactivate of a bundle update
            }
            long heads = nodes.stream().mapToLong(Node::head).max().orElseThrow();
            Thread.sleep(300);
            assertThat(nodes.stream().mapToLong(Node::head).max().orElseThrow()).as("stopped means stopped").isEqualTo(heads);
            for (Node node : nodes) {
                node.start(); // the new instance
            }

            assertThat(await(() -> net.minHead() >= heads + 3, LIMIT)).isTrue();
            assertSameChain(nodes, heads + 3);
            for (long n = 1; n <= heads + 3; n++) {
                assertThat(nodes.get(0).ledger.block(n).orElseThrow().header().parentHash())
                        .isEqualTo(nodes.get(0).ledger.block(n - 1).orElseThrow().hash());
            }
        }
    }

    @Test
    void aNewFollowerSyncsTheChainAndFollowsIt() throws Exception {
        try (TestNet net = new TestNet(dir, 1, 1, 1, 1)) {
            net.startValidators(4, TestNet.FAST);
            assertThat(await(() -> net.minHead() >= 5, LIMIT)).isTrue();

            Node follower = net.add(-1, TestNet.FAST);
            follower.start();
            long target = net.nodes.subList(0, 4).stream().mapToLong(Node::head).max().orElseThrow() + 2;
            assertThat(await(() -> follower.head() >= target, LIMIT)).isTrue();
            assertSameChain(net.nodes, target);
            assertThat(follower.engine.status().self()).isNull();
            assertThat(votes(follower.peer.sent)).as("a follower signs nothing").isEmpty();
        }
    }

    @Test
    void aSingleValidatorCommitsAloneWithoutANetwork() throws Exception {
        try (TestNet net = new TestNet(dir, 1)) {
            Node node = net.add(0, TestNet.FAST);
            BftEngine engine = new BftEngine(TestNet.FAST, node.ledger, node.ledger, () -> node.ledger, () -> null, node.store, node.key,
                    GenesisValidators.of(node.ledger), System::currentTimeMillis);
            node.engine = engine;
            engine.start();
            Transaction transfer = transfer(0, 0, RECIPIENT, BigInteger.TEN);
            node.ledger.submit(transfer.raw());

            assertThat(await(() -> node.head() >= 3 && node.ledger.receipt(transfer.hash()).isPresent(), LIMIT)).isTrue();
            Certificate certificate = Certificate.decode(node.ledger.certificate(2));
            assertThat(certificate.round()).isZero();
            assertThat(certificate.signatures()).singleElement().extracting(Certificate.CommitSignature::validator).isEqualTo(0);
        }
    }

    @Test
    void theEngineWaitsForItsStartHeightThenTakesOverFromTheHead() throws Exception {
        try (TestNet net = new TestNet(dir, 1)) {
            Settings from3 = new Settings(TestNet.FAST.timeouts(), 3, 10, 50, TendermintCore.Misbehavior.NONE);
            Node node = net.add(0, from3);
            node.start();
            Thread.sleep(300);
            assertThat(node.head()).as("heights below 3 are another engine's").isZero();
            assertThat(node.engine.status().step()).startsWith("waiting");

            // the solo engine produces heights 1 and 2
            for (int i = 0; i < 2; i++) {
                node.ledger.commit(node.ledger.propose(Address.ZERO, i), new byte[0]);
            }
            assertThat(await(() -> node.head() >= 5, LIMIT)).isTrue();
            assertThat(node.ledger.certificate(2)).isEmpty();
            assertThat(Certificate.decode(node.ledger.certificate(3)).height()).isEqualTo(3);
        }
    }

    @Test
    void anEquivocatingValidatorIsRecordedByTheOthersWhoStillAgree() throws Exception {
        try (TestNet net = new TestNet(dir, 1, 1, 1, 1)) {
            Settings evil = new Settings(TestNet.FAST.timeouts(), 1, 10, 200, TendermintCore.Misbehavior.EQUIVOCATE);
            for (int i = 0; i < 3; i++) {
                net.add(i, TestNet.FAST);
            }
            net.add(3, evil);
            net.nodes.forEach(Node::start);

            assertThat(await(() -> net.minHead() >= 4 && net.nodes.subList(0, 3).stream()
                    .allMatch(n -> n.engine.evidenceStore().count() > 0), LIMIT)).isTrue();
            assertSameChain(net.nodes, net.minHead());

            Node honest = net.nodes.get(0);
            ValidatorSet set = GenesisValidators.of(honest.ledger).at(1);
            List<Evidence> found = honest.engine.evidenceStore().from(0, 100);
            assertThat(found).allSatisfy(e -> {
                assertThat(e.validator()).isEqualTo(3);
                e.verify(TestNet.CHAIN_ID, set);
            });
            List<Map<String, Object>> served = new BftEndpoint(honest.ledger, honest.ledger, honest.store).evidence(1);
            assertThat(served).isNotEmpty().allSatisfy(entry -> assertThat(entry)
                    .containsEntry("validator", set.validator(3).address().toString()).containsKeys("first", "second", "type"));
            List<String> metrics = new ArrayList<>();
            honest.engine.collect(new io.zgnode.api.metrics.MetricWriter() {
                @Override
                public void counter(String name, String help, long value, String... labels) {
                    metrics.add(name + " " + value);
                }

                @Override
                public void gauge(String name, String help, double value, String... labels) {
                    metrics.add(name + " " + (long) value);
                }
            });
            assertThat(metrics).anyMatch(line -> line.startsWith("zgnode_bft_evidence_total ") && !line.endsWith(" 0"));
            assertThat(metrics).anyMatch(line -> line.startsWith("zgnode_bft_commits_total ") && !line.endsWith(" 0"));
        }
    }

    /** The first {@code count} messages a peer sent. */
    private static List<byte[]> sentBefore(Node node, int count) {
        synchronized (node.peer.sent) {
            return new ArrayList<>(node.peer.sent.subList(0, count));
        }
    }

    /** The votes among gossip messages. */
    private static List<Vote> votes(List<byte[]> messages) throws Exception {
        List<byte[]> copy;
        synchronized (messages) {
            copy = new ArrayList<>(messages);
        }
        List<Vote> votes = new ArrayList<>();
        for (byte[] message : copy) {
            Wire.Message decoded = Wire.decode(message);
            if (decoded.kind() == Wire.VOTE) {
                votes.add(Messages.vote(decoded.body()));
            }
        }
        return votes;
    }
}
