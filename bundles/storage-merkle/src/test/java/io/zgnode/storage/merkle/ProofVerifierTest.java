package io.zgnode.storage.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;

class ProofVerifierTest {
    /** 16385 chunks: 17 segments hold file bytes, the flow pads to 18; the last holds one chunk. */
    private static final int SIZE = 16384 * 256 + 1;
    private static final byte[] FILE = Patterns.bytes("xs:12345", SIZE);
    private static final FileTree TREE = FileMerkle.sequential().of(FILE);

    @Test
    void everySegmentVerifies() {
        for (int i = 0; i < TREE.layout().segments(); i++) {
            assertThat(TREE.segment(i, SegmentData.of(FILE, i)).verify()).as("segment %d", i).isTrue();
        }
    }

    @Test
    void segmentsOfPaddingAloneHaveNoProof() {
        assertThat(TREE.segmentRoot(17)).isEqualTo(ZeroHashes.of(10));
        assertThatThrownBy(() -> TREE.proof(17)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> TREE.segment(16, new byte[512])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFlippedByteFails() {
        byte[] data = SegmentData.of(FILE, 5);
        data[1000] ^= 1;
        assertThat(verify(data, 5, TREE.proof(5), TREE.root(), SIZE)).isFalse();
    }

    @Test
    void aWrongIndexFails() {
        byte[] data = SegmentData.of(FILE, 5);
        assertThat(verify(data, 4, TREE.proof(5), TREE.root(), SIZE)).isFalse();
        assertThat(verify(data, 6, TREE.proof(5), TREE.root(), SIZE)).isFalse();
        assertThat(verify(data, 17, TREE.proof(5), TREE.root(), SIZE)).isFalse();
        assertThat(verify(data, -1, TREE.proof(5), TREE.root(), SIZE)).isFalse();
    }

    @Test
    void aWrongRootFails() {
        Hash other = Hash.of(Keccak256.hash(new byte[] {1}));
        assertThat(verify(SegmentData.of(FILE, 5), 5, TREE.proof(5), other, SIZE)).isFalse();
    }

    @Test
    void aTruncatedLemmaFails() {
        SegmentProof proof = TREE.proof(5);
        List<Hash> lemma = proof.lemma().subList(0, proof.lemma().size() - 1);
        assertThat(verify(SegmentData.of(FILE, 5), 5, new SegmentProof(lemma, proof.path()), TREE.root(), SIZE)).isFalse();
        SegmentProof shorter = new SegmentProof(lemma, proof.path().subList(0, proof.path().size() - 1));
        assertThat(verify(SegmentData.of(FILE, 5), 5, shorter, TREE.root(), SIZE)).isFalse();
    }

    @Test
    void aWrongFileSizeFails() {
        byte[] last = SegmentData.of(FILE, 16);
        assertThat(verify(last, 16, TREE.proof(16), TREE.root(), SIZE + 1)).isTrue();
        assertThat(verify(last, 16, TREE.proof(16), TREE.root(), SIZE + 256)).isFalse();
        assertThat(verify(last, 16, TREE.proof(16), TREE.root(), SIZE - 1)).isFalse();
        assertThat(verify(last, 16, TREE.proof(16), TREE.root(), 0)).isFalse();
        assertThat(verify(SegmentData.of(FILE, 5), 5, TREE.proof(5), TREE.root(), 1L << 40)).isFalse();
    }

    @Test
    void theLastSegmentMustHaveItsExactLength() {
        byte[] last = SegmentData.of(FILE, 16);
        assertThat(last).hasSize(256);
        byte[] padded = Arrays.copyOf(last, 512);
        assertThat(ProofVerifier.check(padded, 16, TREE.proof(16), TREE.root(), SIZE)).hasValueSatisfying(
                reason -> assertThat(reason).contains("must be 256 bytes"));
    }

    @Test
    void bytesAfterTheEndOfTheFileMustBeZero() {
        byte[] last = SegmentData.of(FILE, 16);
        last[255] = 1;
        assertThat(ProofVerifier.check(last, 16, TREE.proof(16), TREE.root(), SIZE)).hasValueSatisfying(
                reason -> assertThat(reason).contains("after the end"));
    }

    /**
     * Segment 16's sibling is segment 17, padding alone. A forged tree where that sibling is
     * something else folds consistently to its own root, and must still fail.
     */
    @Test
    void aPaddingSiblingMustBeTheZeroSubtree() {
        SegmentProof honest = TREE.proof(16);
        assertThat(honest.lemma().get(1)).isEqualTo(ZeroHashes.of(10));
        List<Hash> lemma = new ArrayList<>(honest.lemma());
        lemma.set(1, Hash.of(Keccak256.hash(new byte[] {42})));
        byte[] node = lemma.get(0).toArray();
        for (int step = 0; step < honest.path().size(); step++) {
            byte[] sibling = lemma.get(step + 1).toArray();
            node = honest.path().get(step) ? Keccak256.hash(node, sibling) : Keccak256.hash(sibling, node);
        }
        Hash forgedRoot = Hash.of(node);
        lemma.set(lemma.size() - 1, forgedRoot);

        assertThat(ProofVerifier.check(SegmentData.of(FILE, 16), 16, new SegmentProof(lemma, honest.path()), forgedRoot, SIZE))
                .hasValueSatisfying(reason -> assertThat(reason).contains("padding range"));
    }

    @Test
    void aSingleSegmentFileHasTheRootAsItsProof() {
        byte[] file = Patterns.bytes("affine", 1000);
        FileTree tree = FileMerkle.sequential().of(file);
        SegmentProof proof = tree.proof(0);
        assertThat(proof.lemma()).containsExactly(tree.root());
        assertThat(proof.path()).isEmpty();
        assertThat(verify(SegmentData.of(file, 0), 0, proof, tree.root(), 1000)).isTrue();
        assertThat(verify(SegmentData.of(file, 0), 0, new SegmentProof(List.of(tree.root(), tree.root()), List.of()),
                tree.root(), 1000)).isFalse();
    }

    private static boolean verify(byte[] data, int index, SegmentProof proof, Hash root, long size) {
        return ProofVerifier.verify(data, index, proof, root, size);
    }
}
