package io.zgnode.da.signer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.zgnode.api.chain.Hash;
import io.zgnode.da.blob.RowProof;

/** A row proof in the store: lemma count, lemma hashes, then one byte per path step. */
final class ProofBytes {

    private ProofBytes() {
    }

    static byte[] encode(RowProof proof) {
        ByteBuffer out = ByteBuffer.allocate(Short.BYTES + proof.lemma().size() * Hash.LENGTH + proof.path().size());
        out.putShort((short) proof.lemma().size());
        proof.lemma().forEach(hash -> out.put(hash.toArray()));
        proof.path().forEach(left -> out.put((byte) (left ? 1 : 0)));
        return out.array();
    }

    static RowProof decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int count = in.getShort();
        List<Hash> lemma = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] hash = new byte[Hash.LENGTH];
            in.get(hash);
            lemma.add(Hash.of(hash));
        }
        List<Boolean> path = new ArrayList<>();
        while (in.hasRemaining()) {
            path.add(in.get() != 0);
        }
        return new RowProof(lemma, path);
    }
}
