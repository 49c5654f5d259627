package io.zgnode.da.wire;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import io.zgnode.api.chain.Hash;
import io.zgnode.da.blob.BlobRow;
import io.zgnode.da.blob.RowProof;

/**
 * A row with its proof on the wire: {@code {index, data (base64), proof {lemma, path}}}, the
 * shape of the storage node's segments. Malformed fields are the sender's error, named.
 */
public record RowJson(int index, String data, ProofJson proof) {

    /** The proof: lemma hashes (0x-hex) from the row's root to the data root, and the path. */
    public record ProofJson(List<String> lemma, List<Boolean> path) {
    }

    public static RowJson of(BlobRow row) {
        return new RowJson(row.index(), Base64.getEncoder().encodeToString(row.data()),
                new ProofJson(row.proof().lemma().stream().map(Hash::toString).toList(), row.proof().path()));
    }

    /**
     * @throws IllegalArgumentException naming the row and the field at fault
     */
    public BlobRow toRow() {
        if (data == null || proof == null || proof.lemma() == null || proof.path() == null) {
            throw new IllegalArgumentException("row " + index + " needs index, data and proof {lemma, path}");
        }
        if (proof.path().stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("row " + index + ": proof path holds true or false only");
        }
        List<Hash> lemma = new ArrayList<>(proof.lemma().size());
        for (String hash : proof.lemma()) {
            try {
                lemma.add(Hash.of(hash));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("row " + index + ": proof lemma holds " + hash + ", not a 32-byte 0x-hex hash");
            }
        }
        try {
            return new BlobRow(index, Base64.getDecoder().decode(data), new RowProof(lemma, proof.path()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("row " + index + ": data is not base64: " + e.getMessage());
        }
    }
}
