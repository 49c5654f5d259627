package io.zgnode.storage.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;
import io.zgnode.storage.merkle.SubmissionNode;
import io.zgnode.storage.merkle.ZeroHashes;

class FlowTreeTest {

    private final Map<Integer, Hash> stored = new HashMap<>();

    @Test
    void entriesAlignToTheirFirstNodeAndStayInsideOneSegmentAsIn0GsFlow() {
        FlowTree tree = new FlowTree(FlowTree.INITIAL_LENGTH, this::stored);
        assertThat(tree.append(nodes(0))).as("one sector right after the identifier").isEqualTo(1);
        assertThat(tree.append(nodes(13, 12, 10))).as("aligned to 2^13").isEqualTo(8192);
        assertThat(tree.length()).isEqualTo(8192 + 8192 + 4096 + 1024);
        assertThat(tree.append(nodes(1))).isEqualTo(21504);
        // 1022 sectors in: a 2-sector entry still fits at the end of segment 0
        FlowTree nearEnd = new FlowTree(1022, this::stored);
        assertThat(nearEnd.append(nodes(1))).isEqualTo(1022);
        // 768 sectors at 1030: aligned to 512 that is 1536, which would cross into segment 2: it moves to 2048
        FlowTree crossing = new FlowTree(1030, this::stored);
        assertThat(crossing.append(nodes(9, 8))).isEqualTo(2048);
        assertThat(crossing.length()).isEqualTo(2048 + 768);
        // a segment-aligned start never moves, whatever the length
        FlowTree aligned = new FlowTree(1030, this::stored);
        assertThat(aligned.append(nodes(10, 9))).isEqualTo(2048);
    }

    @Test
    void aNewFlowHasTheIdentifierAsRoot() {
        assertThat(new FlowTree(FlowTree.INITIAL_LENGTH, this::stored).root()).isEqualTo(Hash.ZERO);
    }

    @Test
    void theRootIsTheTreeOverEverySectorStoredOrNot() {
        Random random = new Random(42);
        for (int run = 0; run < 30; run++) {
            stored.clear();
            long length = FlowTree.INITIAL_LENGTH;
            List<Placed> placed = new ArrayList<>();
            for (int entry = 0; entry < 1 + random.nextInt(6); entry++) {
                List<SubmissionNode> nodes = randomNodes(random);
                // each entry in a tree reloaded from what the previous one stored, as the contract does
                FlowTree tree = new FlowTree(length, this::stored);
                long start = tree.append(nodes);
                long at = start;
                for (SubmissionNode node : nodes) {
                    placed.add(new Placed(at, node));
                    at += 1L << node.height();
                }
                stored.putAll(tree.changedLevels());
                length = tree.length();
                assertThat(tree.root()).as("run %d entry %d", run, entry).isEqualTo(reference(placed, length));
                assertThat(new FlowTree(length, this::stored).root()).as("the same from what is stored").isEqualTo(tree.root());
            }
        }
    }

    @Test
    void aNodeTooHighForTheFlowIsRefused() {
        assertThatThrownBy(() -> new FlowTree(1, this::stored).append(nodes(63))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new FlowTree(Long.MAX_VALUE - 10, this::stored).append(nodes(4))).isInstanceOf(ArithmeticException.class);
    }

    private Hash stored(int level) {
        return stored.getOrDefault(level, Hash.ZERO);
    }

    /** A node placed in the flow. */
    private record Placed(long start, SubmissionNode node) {
    }

    /**
     * The root by definition: the tree over sectors [0, 2^H), recursing down to placed nodes,
     * the zero identifier at sector 0 and empty subtrees elsewhere.
     */
    private static Hash reference(List<Placed> placed, long length) {
        int height = 0;
        while (1L << height < length) {
            height++;
        }
        return node(placed, height, 0);
    }

    private static Hash node(List<Placed> placed, int height, long index) {
        long from = index << height;
        long to = from + (1L << height);
        for (Placed p : placed) {
            if (p.start() == from && p.node().height() == height) {
                return p.node().root();
            }
        }
        boolean holdsSomething = from == 0 || placed.stream().anyMatch(p -> p.start() < to && p.start() + (1L << p.node().height()) > from);
        if (!holdsSomething) {
            return ZeroHashes.of(height);
        }
        if (height == 0) {
            return Hash.ZERO; // the identifier
        }
        return Hash.of(Keccak256.hash(node(placed, height - 1, 2 * index).toArray(), node(placed, height - 1, 2 * index + 1).toArray()));
    }

    private static List<SubmissionNode> randomNodes(Random random) {
        int first = random.nextInt(14);
        List<SubmissionNode> nodes = new ArrayList<>();
        nodes.add(node(random, first));
        for (int height = first - 1; height >= Math.max(0, first - 3); height--) {
            if (random.nextBoolean()) {
                nodes.add(node(random, height));
            }
        }
        return nodes;
    }

    private static SubmissionNode node(Random random, int height) {
        byte[] root = new byte[32];
        random.nextBytes(root);
        return new SubmissionNode(Hash.of(root), height);
    }

    private static List<SubmissionNode> nodes(int... heights) {
        List<SubmissionNode> nodes = new ArrayList<>();
        for (int height : heights) {
            nodes.add(new SubmissionNode(Hash.of(Keccak256.hash(new byte[] {(byte) height})), height));
        }
        return nodes;
    }
}
