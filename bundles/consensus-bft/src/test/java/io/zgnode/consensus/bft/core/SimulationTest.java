package io.zgnode.consensus.bft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.zgnode.api.chain.Hash;
import io.zgnode.consensus.bft.core.Simulation.Node;

/**
 * Whole networks of cores in simulated time. Agreement (no two nodes commit different blocks at a
 * height) is checked at every decision by the simulation itself; these tests add progress,
 * halting, and what happens to faulty validators.
 */
class SimulationTest {

    private static final long MINUTE = 60_000;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void fourEqualValidatorsCommitTheSameBlocksDespiteDelaysReorderingAndDrops(long seed) {
        Simulation sim = new Simulation(seed, 1, 1, 1, 1);
        sim.dropRate = 0.05;
        sim.start();

        assertThat(sim.runUntil(() -> sim.minHeight(sim.nodes) >= 20, 10 * MINUTE)).as("all reach height 20").isTrue();

        for (long height = 1; height <= 20; height++) {
            Hash value = sim.decided.get(height);
            for (Node node : sim.nodes) {
                assertThat(node.decisions.get(height).value()).as("node %d at height %d", node.index, height).isEqualTo(value);
            }
        }
        assertThat(sim.nodes).allSatisfy(node -> assertThat(node.evidence).isEmpty());
    }

    @Test
    void withoutDropsAndWithFastLinksEveryHeightIsDecidedInRoundZero() {
        Simulation sim = new Simulation(7, 1, 1, 1, 1);
        sim.minDelay = 1;
        sim.maxDelay = 20;
        sim.start();

        assertThat(sim.runUntil(() -> sim.minHeight(sim.nodes) >= 12, MINUTE)).isTrue();

        assertThat(sim.nodes.get(0).roundsUsed.values()).containsOnly(0);
        // every validator proposed: the decided values name their proposers (see TestValidators.value)
        assertThat(sim.nodes).allSatisfy(node -> assertThat(node.proposalsMade).isPositive());
    }

    @Test
    void oneOfFourCrashedTheOthersKeepCommitting() {
        Simulation sim = new Simulation(11, 1, 1, 1, 1);
        sim.start();
        sim.nodes.get(2).crash();

        List<Node> live = sim.live();
        assertThat(sim.runUntil(() -> sim.minHeight(live) >= 15, 10 * MINUTE)).isTrue();

        // heights whose round-0 proposer was the crashed node needed another round
        Node observer = live.get(0);
        for (long height = 1; height <= 15; height++) {
            if (sim.set.proposer(height, 0) == 2) {
                assertThat(observer.roundsUsed.get(height)).as("height %d, crashed proposer", height).isPositive();
            }
        }
    }

    @Test
    void twoOfFourCrashedHaltsWithoutConflictAndResumesWhenOneReturns() {
        Simulation sim = new Simulation(13, 1, 1, 1, 1);
        sim.start();
        assertThat(sim.runUntil(() -> sim.minHeight(sim.nodes) >= 5, 5 * MINUTE)).isTrue();

        sim.nodes.get(1).crash();
        sim.nodes.get(3).crash();
        List<Node> live = sim.live();
        sim.runUntil(sim.now + 10_000); // what was in flight lands
        long stalled = live.stream().mapToLong(Node::head).max().orElseThrow();
        sim.runUntil(sim.now + 5 * MINUTE);

        assertThat(live).allSatisfy(node -> assertThat(node.head()).as("halted").isEqualTo(stalled));
        // without a quorum of prevotes no prevote timeout is even scheduled: the live ones wait at the next height
        assertThat(live).allSatisfy(node -> {
            assertThat(node.core.height()).isEqualTo(stalled + 1);
            assertThat(node.core.isDecided()).isFalse();
        });

        sim.nodes.get(3).restart();
        List<Node> back = sim.live();
        assertThat(sim.runUntil(() -> sim.minHeight(back) >= stalled + 5, 10 * MINUTE)).as("progress again").isTrue();
        assertThat(sim.nodes.get(3).head()).isGreaterThanOrEqualTo(stalled + 5);
    }

    @Test
    void aValidatorWithMoreThanTwoThirdsOfThePowerDecidesAloneAndTheOthersCannot() {
        // powers 10, 1, 1, 1: total 13, a quorum needs more than 26/3, i.e. 9: the big validator alone is one
        ValidatorSet set = TestValidators.set(10, 1, 1, 1);
        assertThat(set.isQuorum(10)).isTrue();
        assertThat(set.isQuorum(3)).isFalse();
        assertThat(set.exceedsOneThird(3)).as("the small ones cannot even pull anyone into a round").isFalse();

        Simulation alone = new Simulation(17, 10, 1, 1, 1);
        alone.start();
        alone.nodes.get(1).crash();
        alone.nodes.get(2).crash();
        alone.nodes.get(3).crash();
        assertThat(alone.runUntil(() -> alone.nodes.get(0).head() >= 10, 5 * MINUTE)).as("the big validator commits alone").isTrue();
        assertThat(alone.nodes.get(0).decisions.get(5L).signatures()).hasSize(1);

        Simulation without = new Simulation(17, 10, 1, 1, 1);
        without.start();
        without.nodes.get(0).crash();
        without.runUntil(5 * MINUTE);
        assertThat(without.decided).as("3 of 13 is no quorum: nothing is decided").isEmpty();

        without.nodes.get(0).restart();
        assertThat(without.runUntil(() -> without.minHeight(without.nodes) >= 5, 10 * MINUTE)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0b00001, 0b00011, 0b00100, 0b01100, 0b11000, 0b00110})
    void progressIfAndOnlyIfTheLiveValidatorsHoldAQuorum(int crashedMask) {
        long[] powers = {3, 3, 2, 1, 1};
        Simulation sim = new Simulation(19 + crashedMask, powers);
        sim.start();
        long live = 0;
        for (int i = 0; i < powers.length; i++) {
            if ((crashedMask & (1 << i)) != 0) {
                sim.nodes.get(i).crash();
            } else {
                live += powers[i];
            }
        }
        boolean quorum = sim.set.isQuorum(live);
        List<Node> alive = sim.live();

        boolean progressed = sim.runUntil(() -> sim.minHeight(alive) >= 5, 10 * MINUTE);

        assertThat(progressed).as("live power %d of 10", live).isEqualTo(quorum);
        if (!quorum) {
            assertThat(sim.decided).isEmpty();
        }
    }

    @Test
    void proposersRotateInProportionToPower() {
        Simulation sim = new Simulation(23, 4, 3, 2, 1);
        sim.minDelay = 1;
        sim.maxDelay = 10;
        sim.start();
        assertThat(sim.runUntil(() -> sim.minHeight(sim.nodes) >= 100, 30 * MINUTE)).isTrue();

        Map<Integer, Integer> proposed = new HashMap<>();
        Node observer = sim.nodes.get(0);
        for (long height = 1; height <= 100; height++) {
            Certificate certificate = observer.decisions.get(height);
            int proposer = sim.set.proposer(height, certificate.round());
            assertThat(certificate.value()).isEqualTo(TestValidators.value(height, certificate.round(), proposer));
            proposed.merge(proposer, 1, Integer::sum);
        }
        assertThat(proposed).containsEntry(0, 40).containsEntry(1, 30).containsEntry(2, 20).containsEntry(3, 10);
    }

    @Test
    void anEquivocatingValidatorIsCaughtAndTheHonestOnesAgree() {
        Simulation sim = new Simulation(29, 1, 1, 1, 1);
        sim.nodes.get(3).misbehavior = TendermintCore.Misbehavior.EQUIVOCATE;
        sim.dropRate = 0.02;
        sim.start();

        assertThat(sim.runUntil(() -> sim.minHeight(sim.nodes.subList(0, 3)) >= 10, 10 * MINUTE)).isTrue();

        for (Node honest : sim.nodes.subList(0, 3)) {
            assertThat(honest.evidence).as("node %d's evidence", honest.index).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.validator()).isEqualTo(3))
                    .extracting(Evidence::kind).contains(Evidence.Kind.PREVOTE, Evidence.Kind.PRECOMMIT);
            for (Evidence found : honest.evidence) {
                assertThat(found).satisfies(e -> e.verify(TestValidators.CHAIN_ID, sim.set));
            }
        }
    }

    @Test
    void aProposerSendingDifferentBlocksToDifferentNodesIsCaughtAndCannotSplitThem() {
        Simulation sim = new Simulation(31, 1, 1, 1, 1);
        sim.nodes.get(0).conflictingProposals = true;
        sim.start();

        assertThat(sim.runUntil(() -> sim.minHeight(sim.nodes) >= 12, 10 * MINUTE)).isTrue();

        for (Node honest : sim.nodes.subList(1, 4)) {
            assertThat(honest.evidence).extracting(Evidence::kind).contains(Evidence.Kind.PROPOSAL);
            assertThat(honest.evidence).filteredOn(e -> e.kind() == Evidence.Kind.PROPOSAL).allSatisfy(e -> {
                assertThat(e.validator()).isZero();
                e.verify(TestValidators.CHAIN_ID, sim.set);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {37, 41, 43})
    void crashesAndRestartsAtRandomNeverMakeAValidatorSignTwiceAndTheRestartedCatchUp(long seed) {
        Simulation sim = new Simulation(seed, 1, 1, 1, 1);
        sim.dropRate = 0.03;
        sim.start();
        for (int i = 0; i < 12; i++) {
            Node victim = sim.nodes.get(sim.random.nextInt(4));
            sim.runUntil(sim.now + 500 + sim.random.nextInt(4000));
            victim.crash();
            sim.runUntil(sim.now + 500 + sim.random.nextInt(6000));
            victim.restart(); // MemoryWal fails the test if the node records a second vote for a step
        }
        long target = sim.decided.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 5;
        assertThat(sim.runUntil(() -> sim.minHeight(sim.nodes) >= target, 10 * MINUTE)).as("everyone at %d", target).isTrue();

        for (Node node : sim.nodes) {
            Map<String, Vote> signed = new HashMap<>();
            for (Vote vote : node.sent) {
                Vote before = signed.putIfAbsent(vote.height() + "/" + vote.round() + "/" + vote.type(), vote);
                assertThat(before == null || before.sameContent(vote)).as("node %d signed %s and %s", node.index, before, vote).isTrue();
            }
        }
    }
}
