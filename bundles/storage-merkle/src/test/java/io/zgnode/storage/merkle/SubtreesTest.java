package io.zgnode.storage.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.zgnode.api.chain.Hash;

/** {@link SubtreeHasher} and {@link MerkleTree} against the file tree they claim to be part of. */
class SubtreesTest {

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"256", "512", "4096", "262144", "524288", "2097152"})
    void aRunAloneHasItsFileRoot(int length) {
        byte[] run = Patterns.bytes("xs:" + length, length);
        assertThat(new SubtreeHasher().root(run, 0, length)).isEqualTo(FileMerkle.sequential().of(run).root());
    }

    @Test
    void theRunOfAWholeSegmentIsItsSegmentRoot() {
        byte[] file = Patterns.bytes("xs:77", 5 * FileLayout.SEGMENT_SIZE + 1000);
        FileTree tree = FileMerkle.sequential().of(file);
        SubtreeHasher hasher = new SubtreeHasher();
        for (int s = 0; s < 5; s++) {
            assertThat(hasher.root(file, s * FileLayout.SEGMENT_SIZE, FileLayout.SEGMENT_SIZE)).isEqualTo(tree.segmentRoot(s));
        }
    }

    /**
     * A file cut into equal runs, the flow's padding as zero runs: the tree over the run roots is the
     * file tree, for runs inside a segment, of a segment, and of several segments, and for run counts
     * the flow pads (17 -> 18, 35 -> 36) and does not.
     */
    @ParameterizedTest(name = "{0} runs of {1} bytes")
    @CsvSource({"1, 256", "3, 256", "17, 256", "35, 1024", "12, 65536", "17, 262144", "5, 524288", "3, 1048576", "6, 1048576"})
    void theTreeOverRunRootsIsTheFileTree(int runs, int runBytes) {
        byte[] file = Patterns.bytes("xs:" + runs, runs * runBytes);
        long paddedChunks = new FileLayout(file.length).paddedChunks();
        int runChunks = runBytes / FileLayout.CHUNK_SIZE;
        assertThat(paddedChunks % runChunks).as("the flow pads in whole runs").isZero();
        int paddedRuns = (int) (paddedChunks / runChunks);

        SubtreeHasher hasher = new SubtreeHasher();
        List<Hash> leaves = new ArrayList<>();
        for (int r = 0; r < paddedRuns; r++) {
            leaves.add(r < runs ? hasher.root(file, r * runBytes, runBytes) : ZeroHashes.of(Integer.numberOfTrailingZeros(runChunks)));
        }
        MerkleTree tree = MerkleTree.of(leaves);
        assertThat(tree.root()).isEqualTo(FileMerkle.sequential().of(file).root());
        for (int r = 0; r < paddedRuns; r++) {
            SegmentProof proof = tree.proof(r);
            assertThat(proof.isWellFormed()).isTrue();
            assertThat(proof.foldsToRoot()).as("run %d", r).isTrue();
            assertThat(proof.leafIndex(paddedRuns)).as("run %d", r).isEqualTo(r);
            assertThat(proof.lemma().get(0)).isEqualTo(tree.leaf(r));
            assertThat(proof.lemma().get(proof.lemma().size() - 1)).isEqualTo(tree.root());
        }
    }

    @Test
    void overSegmentRootsItGivesTheFileTreesProofs() {
        byte[] file = Patterns.bytes("xs:5", 16384 * 256 + 1);
        FileTree fileTree = FileMerkle.sequential().of(file);
        List<Hash> roots = new ArrayList<>();
        for (int s = 0; s < fileTree.layout().paddedSegments(); s++) {
            roots.add(fileTree.segmentRoot(s));
        }
        MerkleTree tree = MerkleTree.of(roots);
        assertThat(tree.root()).isEqualTo(fileTree.root());
        for (int s = 0; s < fileTree.layout().segments(); s++) {
            assertThat(tree.proof(s)).isEqualTo(fileTree.proof(s));
        }
    }

    /** In every tree of up to 70 leaves (odd levels everywhere), each leaf's proof folds and its path leads back to it. */
    @Test
    void everyPathLeadsToItsLeaf() {
        for (int count = 1; count <= 70; count++) {
            List<Hash> leaves = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                leaves.add(Hash.of(Arrays.copyOf(new byte[] {(byte) i, (byte) count}, 32)));
            }
            MerkleTree tree = MerkleTree.of(leaves);
            for (int i = 0; i < count; i++) {
                assertThat(tree.proof(i).leafIndex(count)).as("leaf %d of %d", i, count).isEqualTo(i);
                assertThat(tree.proof(i).foldsToRoot()).isTrue();
            }
        }
    }

    @Test
    void aPathTooLongOrTooShortLeadsNowhere() {
        SegmentProof proof = new SegmentProof(List.of(Hash.ZERO, Hash.ZERO, Hash.ZERO), List.of(true));
        assertThat(proof.leafIndex(2)).isZero();
        assertThat(proof.leafIndex(1)).isEqualTo(-1);
        assertThat(proof.leafIndex(4)).isEqualTo(-1);
        assertThat(new SegmentProof(List.of(Hash.ZERO), List.of()).leafIndex(1)).isZero();
        assertThat(new SegmentProof(List.of(Hash.ZERO), List.of()).leafIndex(2)).isEqualTo(-1);
    }

    @Test
    void aBrokenLemmaDoesNotFold() {
        List<Hash> leaves = List.of(hash(1), hash(2), hash(3), hash(4), hash(5));
        SegmentProof proof = MerkleTree.of(leaves).proof(1);
        List<Hash> swapped = new ArrayList<>(proof.lemma());
        Hash first = swapped.get(1);
        swapped.set(1, swapped.get(2));
        swapped.set(2, first);
        assertThat(new SegmentProof(swapped, proof.path()).foldsToRoot()).isFalse();
        assertThat(new SegmentProof(proof.lemma().subList(0, 3), proof.path()).foldsToRoot()).as("malformed").isFalse();
        List<Boolean> flipped = new ArrayList<>(proof.path());
        flipped.set(0, !flipped.get(0));
        assertThat(new SegmentProof(proof.lemma(), flipped).foldsToRoot()).isFalse();
    }

    @Test
    void badInputIsRefused() {
        SubtreeHasher hasher = new SubtreeHasher();
        assertThatThrownBy(() -> hasher.root(new byte[768], 0, 768)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("768 bytes");
        assertThatThrownBy(() -> hasher.root(new byte[128], 0, 128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hasher.root(new byte[256], 1, 256)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MerkleTree.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.of(List.of(hash(1))).proof(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static Hash hash(int i) {
        return Hash.of(Arrays.copyOf(new byte[] {(byte) i}, 32));
    }
}
