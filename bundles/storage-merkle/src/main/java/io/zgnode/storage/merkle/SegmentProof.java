package io.zgnode.storage.merkle;

import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;
import java.util.List;

/**
 * A segment's place in its file tree, in the shape 0G's SDK sends and its storage node checks.
 * {@code lemma} is the segment root, then the sibling hashes from the segment up, then the file
 * root; {@code path[i]} tells whether the node proved at step {@code i} is the left child, i.e. its
 * sibling {@code lemma[i + 1]} is on the right. A level where the node has no sibling (the last
 * node of an odd level, carried up) has no step. A file of one segment has the proof
 * {@code lemma = [root], path = []}.
 *
 * <p>The format fits any leaf of any tree built by 0G's rule ({@link MerkleTree} makes such proofs
 * for given leaves): {@link #leafIndex(long)} and {@link #foldsToRoot()} are the checks that do not
 * depend on what the leaves are.
 */
public record SegmentProof(List<Hash> lemma, List<Boolean> path) {

    public SegmentProof {
        lemma = List.copyOf(lemma);
        path = List.copyOf(path);
    }

    /** The size rule of the format: one hash alone, or one more than the steps at each end. */
    public boolean isWellFormed() {
        return path.isEmpty() ? lemma.size() == 1 : lemma.size() == path.size() + 2;
    }

    /**
     * The leaf the path leads to in a tree of {@code leaves} leaves built by 0G's rule, whose left
     * subtree always holds the largest power of two below the count; -1 if the path is too long or
     * too short for that tree. Read from the root down, so a proof names exactly one leaf.
     */
    public long leafIndex(long leaves) {
        long remaining = leaves;
        long position = 0;
        for (int step = path.size() - 1; step >= 0; step--) {
            if (remaining <= 1) {
                return -1;
            }
            long left = Long.highestOneBit(remaining - 1);
            if (path.get(step)) {
                remaining = left;
            } else {
                position += left;
                remaining -= left;
            }
        }
        return remaining == 1 ? position : -1;
    }

    /**
     * True if the proof is well formed and hashing {@code lemma[0]} up with each sibling, on the
     * side the path gives, ends at the last lemma entry (the root the proof claims).
     */
    public boolean foldsToRoot() {
        if (!isWellFormed()) {
            return false;
        }
        byte[] node = lemma.get(0).toArray();
        for (int step = 0; step < path.size(); step++) {
            byte[] sibling = lemma.get(step + 1).toArray();
            node = path.get(step) ? Keccak256.hash(node, sibling) : Keccak256.hash(sibling, node);
        }
        return Hash.of(node).equals(lemma.get(lemma.size() - 1));
    }
}
