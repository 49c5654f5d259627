package io.zgnode.storage.sectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.storage.FlowEntry;
import io.zgnode.crypto.Keccak256;
import io.zgnode.storage.intake.LogEntries;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.FileMerkle;
import io.zgnode.storage.merkle.FileTree;
import io.zgnode.storage.merkle.SegmentData;
import io.zgnode.storage.merkle.ZeroHashes;
import io.zgnode.storage.segments.SegmentBytes;
import io.zgnode.storage.segments.SegmentStore;
import io.zgnode.storage.segments.ShardConfig;
import io.zgnode.store.internal.MapDbStore;

/**
 * Sector proofs checked against the flow root the Flow contract itself reports (its flow log and
 * {@code computeFlowRoot}), on a chain running the contract: every sector of a small flow (the
 * identifier, gaps, files' chunks, their padding), padding segments after a large file, earlier
 * roots, and the refusals.
 */
class SectorProofsTest {

    @TempDir
    Path dir;

    private MapDbStore store;
    private ContractFlow chain;
    private SegmentStore held;
    private SectorProofs proofs;
    /** The bytes of every submitted file, by txSeq. */
    private final Map<Long, byte[]> files = new HashMap<>();
    private final List<FlowEntry> entries = new ArrayList<>();
    private final Random random = new Random(6);

    @BeforeEach
    void open() throws Exception {
        store = MapDbStore.open(dir.resolve("store"));
        chain = new ContractFlow(store);
        held = new SegmentStore(store, dir.resolve("segments"));
        proofs = new SectorProofs(new LogEntries(chain.log()), held, ShardConfig.ALL, store);
    }

    @AfterEach
    void close() throws Exception {
        held.close();
        chain.close();
        store.close();
    }

    @Test
    void everySectorOfASmallFlowProvesAgainstTheRootTheFlowContractReports() throws Exception {
        assertThat(proofs.context()).isEqualTo(new SectorProofs.Context(Hash.ZERO, 1));
        // one chunk; a segment and a chunk (padded to 1152 sectors: nodes of 2^10 and 2^7); 3 chunks (2^1 + 2^0); 300 chunks (2^8 + 2^6)
        for (int size : new int[] {100, 262_145, 700, 76_700}) {
            submit(randomBytes(size), true);
            assertThat(proofs.context()).as("after %d entries", entries.size())
                    .isEqualTo(new SectorProofs.Context(chain.log().flowRoot(), chain.log().flowLength()));
        }
        Hash root = chain.computeFlowRoot();
        assertThat(root).isEqualTo(chain.log().flowRoot());
        assertThat(entries.get(2).startPosition()).as("a gap before entry 2's aligned start").isGreaterThan(entries.get(1).startPosition());

        long length = chain.log().flowLength();
        for (long sector = 0; sector < length; sector++) {
            assertProves(proofs.prove(sector, Optional.empty()), sector, length, root);
        }
        assertThat(proofs.prove(length - 1, Optional.of(root))).isEqualTo(proofs.prove(length - 1, Optional.empty()));
        assertThatThrownBy(() -> proofs.prove(length, Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sector " + length + " is past the end of the flow: it has " + length + " sectors (0 to " + (length - 1) + ")");
        assertThatThrownBy(() -> proofs.prove(-1, Optional.empty())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void paddingSegmentsAfterALargeFileNeedOnlyTheFilesLastSegmentAndEverySegmentItsOwn() throws Exception {
        submit(randomBytes(100), true);
        // 34 segments less 100 bytes: padded to 36864 chunks (nodes of 2^15 and 2^12), so segments 34 and 35 are padding alone
        byte[] large = randomBytes(34 * FileLayout.SEGMENT_SIZE - 100);
        FlowEntry entry = submit(large, false);
        FileTree tree = FileMerkle.sequential().of(large);
        int last = tree.layout().segments() - 1;
        assertThat(last).isEqualTo(33);
        assertThat(tree.layout().paddedSegments()).isEqualTo(36);
        hold(entry, large, tree, last);

        Hash root = chain.computeFlowRoot();
        long length = chain.log().flowLength();
        List<Long> sectors = new ArrayList<>(List.of(0L, 1L, entry.startPosition() - 1));
        for (int segment = last; segment < 36; segment++) {
            sectors.addAll(sectorsOf(entry, segment));
        }
        for (long sector : sectors) {
            assertProves(proofs.prove(sector, Optional.empty()), sector, length, root);
        }
        assertThatThrownBy(() -> proofs.prove(entry.startPosition() + 5, Optional.empty())).isInstanceOf(SectorNotHeldException.class)
                .hasMessage("sector " + (entry.startPosition() + 5) + " is in segment 0 of entry 1 (flow segment " + entry.startPosition() / 1024
                        + "), which this node's shard 0/1 keeps but it does not hold yet");

        for (int segment = 0; segment < last; segment++) {
            hold(entry, large, tree, segment);
        }
        for (int segment : new int[] {0, 1, 2, 5, 16, 31, 32}) {
            for (long sector : sectorsOf(entry, segment)) {
                assertProves(proofs.prove(sector, Optional.empty()), sector, length, root);
            }
        }
    }

    @Test
    void proofsAgainstAnEarlierRootUseTheFlowAsItWasThen() throws Exception {
        for (int size : new int[] {5_000, 262_144 * 3, 1}) {
            submit(randomBytes(size), true);
        }
        for (int txSeq = 0; txSeq < entries.size(); txSeq++) {
            Hash then = chain.flowRootAfter(txSeq);
            long length = entries.get(txSeq).endPosition();
            for (long sector : new long[] {0, 1, entries.get(0).startPosition() + 3, length - 1}) {
                assertProves(proofs.prove(sector, Optional.of(then)), sector, length, then);
            }
            long end = length;
            assertThatThrownBy(() -> proofs.prove(end, Optional.of(then))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sector " + end + " is past the end of the flow at root " + then + ": it has " + end + " sectors (0 to " + (end - 1) + ")");
        }
        Hash unknown = Hash.of(Keccak256.hash(new byte[] {1}));
        assertThatThrownBy(() -> proofs.prove(0, Optional.of(unknown))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flow root " + unknown + " is not a root the flow has had after any of its 3 entries: ask with no root for the current one");
    }

    @Test
    void aNodeOfOneShardRefusesSectorsOfTheOtherShardNamingIt() throws Exception {
        submit(randomBytes(100), false);
        byte[] file = randomBytes(262_145);
        FlowEntry entry = submit(file, false);
        FileTree tree = FileMerkle.sequential().of(file);
        ShardConfig shard = new ShardConfig(0, 2);
        try (MapDbStore otherStore = MapDbStore.open(dir.resolve("other")); SegmentStore other = new SegmentStore(otherStore, dir.resolve("other-segments"))) {
            int ours = -1;
            for (int index = 0; index < tree.layout().segments(); index++) {
                if (shard.holds(entry.startPosition() / 1024 + index)) {
                    other.put(entry.txSeq(), List.of(new SegmentBytes(index, SegmentData.of(file, index), tree.proof(index))));
                    ours = index;
                }
            }
            int theirs = 1 - ours;
            SectorProofs node = new SectorProofs(new LogEntries(chain.log()), other, shard, otherStore);
            Hash root = chain.log().flowRoot();
            long length = chain.log().flowLength();
            long inOurs = entry.startPosition() + ours * 1024L;
            long inTheirs = entry.startPosition() + theirs * 1024L;
            // the identifier, a one-chunk file (its node is its leaf: no data needed), a gap, our segment
            for (long sector : new long[] {0, 1, 2, entry.startPosition() - 1, inOurs}) {
                assertProves(node.prove(sector, Optional.empty()), sector, length, root);
            }
            assertThatThrownBy(() -> node.prove(inTheirs, Optional.empty())).isInstanceOf(SectorNotHeldException.class)
                    .hasMessage("sector " + inTheirs + " is in segment " + theirs + " of entry 1 (flow segment " + inTheirs / 1024 + "), in shard "
                            + (inTheirs / 1024) % 2 + "/2, not held here (this node keeps shard 0/2)");
        }
    }

    /** Submits a file through the Flow contract; with {@code hold}, this node then holds all its segments. */
    private FlowEntry submit(byte[] file, boolean hold) throws Exception {
        FileTree tree = FileMerkle.sequential().of(file);
        FlowEntry entry = chain.submit(tree.submission());
        files.put(entry.txSeq(), file);
        entries.add(entry);
        if (hold) {
            List<SegmentBytes> segments = new ArrayList<>();
            for (int index = 0; index < tree.layout().segments(); index++) {
                segments.add(new SegmentBytes(index, SegmentData.of(file, index), tree.proof(index)));
            }
            held.put(entry.txSeq(), segments);
        }
        return entry;
    }

    private void hold(FlowEntry entry, byte[] file, FileTree tree, int segment) {
        held.put(entry.txSeq(), List.of(new SegmentBytes(segment, SegmentData.of(file, segment), tree.proof(segment))));
    }

    /** The first, a middle and the last sector of a segment of an entry. */
    private static List<Long> sectorsOf(FlowEntry entry, int segment) {
        long first = entry.startPosition() + (long) segment * FileLayout.SEGMENT_CHUNKS;
        return List.of(first, first + 517, first + FileLayout.SEGMENT_CHUNKS - 1);
    }

    /** The proof has 0G's shape, its path leads to the sector, its leaf is the sector's, and it folds to {@code root}. */
    private void assertProves(FlowProof proof, long sector, long length, Hash root) {
        int height = length == 1 ? 0 : 64 - Long.numberOfLeadingZeros(length - 1);
        List<Hash> lemma = proof.lemma();
        assertThat(proof.path()).as("sector %d: one step per level", sector).hasSize(height);
        assertThat(lemma).hasSize(height == 0 ? 1 : height + 2);
        assertThat(lemma.get(0)).as("sector %d's leaf", sector).isEqualTo(leaf(sector));
        long position = 0;
        byte[] node = lemma.get(0).toArray();
        for (int step = 0; step < height; step++) {
            boolean left = proof.path().get(step);
            position |= left ? 0 : 1L << step;
            node = left ? Keccak256.hash(node, lemma.get(step + 1).toArray()) : Keccak256.hash(lemma.get(step + 1).toArray(), node);
        }
        assertThat(position).as("the path spells the sector's index").isEqualTo(sector);
        assertThat(Hash.of(node)).as("sector %d folds to the root", sector).isEqualTo(root);
        assertThat(proof.root()).isEqualTo(root);
    }

    /** By definition: the identifier, a file chunk's hash, or an empty chunk's (gaps, padding). */
    private Hash leaf(long sector) {
        if (sector == 0) {
            return Hash.ZERO;
        }
        for (FlowEntry entry : entries) {
            long offset = (sector - entry.startPosition()) * FileLayout.CHUNK_SIZE;
            byte[] file = files.get(entry.txSeq());
            if (sector >= entry.startPosition() && offset < file.length) {
                byte[] chunk = Arrays.copyOfRange(file, (int) offset, (int) offset + FileLayout.CHUNK_SIZE);
                return Hash.of(Keccak256.hash(chunk));
            }
        }
        return ZeroHashes.of(0);
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }
}
