package io.zgnode.storage.merkle;

import io.zgnode.api.chain.Hash;
import java.util.List;

/**
 * A segment's place in its file tree, in the shape 0G's SDK sends and its storage node checks.
 * {@code lemma} is the segment root, then the sibling hashes from the segment up, then the file
 * root; {@code path[i]} tells whether the node proved at step {@code i} is the left child, i.e. its
 * sibling {@code lemma[i + 1]} is on the right. A level where the node has no sibling (the last
 * node of an odd level, carried up) has no step. A file of one segment has the proof
 * {@code lemma = [root], path = []}.
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
}
