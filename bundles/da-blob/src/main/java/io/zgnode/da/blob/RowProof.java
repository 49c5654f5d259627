package io.zgnode.da.blob;

import java.util.List;

import io.zgnode.api.chain.Hash;
import io.zgnode.storage.merkle.SegmentProof;

/**
 * A row's place under its blob's data root, in the format of 0G's segment proofs (and with the same
 * JSON shape, {@code {lemma: [0x..], path: [bool]}}): {@code lemma} is the row's root, then the
 * sibling hashes from the row up, then the data root; {@code path[i]} is true when the node proved
 * at step i is the left child. A level where the node has no sibling (an odd level's last node,
 * carried up) has no step.
 *
 * <p>Its own type rather than storage's {@link SegmentProof}, so that users of blobs need not
 * import the storage Merkle package, and a row is never taken for a segment.
 */
public record RowProof(List<Hash> lemma, List<Boolean> path) {

    public RowProof {
        lemma = List.copyOf(lemma);
        path = List.copyOf(path);
    }

    static RowProof of(SegmentProof proof) {
        return new RowProof(proof.lemma(), proof.path());
    }

    SegmentProof asSegmentProof() {
        return new SegmentProof(lemma, path);
    }
}
