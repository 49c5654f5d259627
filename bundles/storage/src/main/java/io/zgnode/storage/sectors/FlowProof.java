package io.zgnode.storage.sectors;

import java.util.List;

import io.zgnode.api.chain.Hash;

/**
 * A sector's place in the flow's Merkle tree, in the shape of 0G's {@code FlowProof}:
 * {@code lemma} is the sector's leaf, then the sibling hashes from the leaf up, then the flow root;
 * {@code path[i]} tells whether the node proved at step {@code i} is the left child (its sibling
 * {@code lemma[i + 1]} is on the right). The tree is perfect, so every level has a step and the
 * path, read as bits from step 0, spells the sector's index. A flow of one sector (no entry yet)
 * has the proof {@code lemma = [root], path = []}.
 */
public record FlowProof(List<Hash> lemma, List<Boolean> path) {

    public FlowProof {
        lemma = List.copyOf(lemma);
        path = List.copyOf(path);
    }

    /** The root the proof leads to. */
    public Hash root() {
        return lemma.get(lemma.size() - 1);
    }
}
