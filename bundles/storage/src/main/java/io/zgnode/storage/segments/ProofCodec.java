package io.zgnode.storage.segments;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.zgnode.api.chain.Hash;
import io.zgnode.storage.merkle.SegmentProof;

/** A segment proof in the segment index: the lemma hashes, then the path as one byte per step. */
public final class ProofCodec {

    private ProofCodec() {
    }

    public static void write(ByteBuffer out, SegmentProof proof) {
        out.putShort((short) proof.lemma().size());
        proof.lemma().forEach(hash -> out.put(hash.toArray()));
        out.putShort((short) proof.path().size());
        proof.path().forEach(left -> out.put((byte) (left ? 1 : 0)));
    }

    public static int size(SegmentProof proof) {
        return 2 + proof.lemma().size() * Hash.LENGTH + 2 + proof.path().size();
    }

    public static SegmentProof read(ByteBuffer in) {
        List<Hash> lemma = new ArrayList<>();
        for (int i = in.getShort(); i > 0; i--) {
            byte[] hash = new byte[Hash.LENGTH];
            in.get(hash);
            lemma.add(Hash.of(hash));
        }
        List<Boolean> path = new ArrayList<>();
        for (int i = in.getShort(); i > 0; i--) {
            path.add(in.get() != 0);
        }
        return new SegmentProof(lemma, path);
    }
}
