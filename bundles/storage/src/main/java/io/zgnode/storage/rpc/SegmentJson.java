package io.zgnode.storage.rpc;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.rpc.RpcException;
import io.zgnode.storage.intake.UploadedSegment;
import io.zgnode.storage.merkle.SegmentProof;
import io.zgnode.storage.segments.SegmentBytes;

/**
 * A segment with its proof as 0G's clients send it: {@code {root, data (base64), index,
 * proof {lemma, path}, fileSize}}, hashes 0x-hex, numbers plain JSON numbers. The data stays text
 * until {@link #toSegment()}: the JDK's decoder is faster than Jackson's, and a bad encoding is
 * named with the segment's index. Segments go out as {@link ServedSegmentJson}.
 */
public record SegmentJson(String root, String data, long index, ProofJson proof, long fileSize) {

    /** The proof part: lemma hashes and the left/right path. */
    public record ProofJson(List<String> lemma, List<Boolean> path) {

        static ProofJson of(SegmentProof proof) {
            return new ProofJson(proof.lemma().stream().map(Hash::toString).toList(), proof.path());
        }
    }

    /** The segment this describes; a malformed field is the caller's error, named. */
    UploadedSegment toSegment() {
        if (root == null || data == null || proof == null || proof.lemma() == null || proof.path() == null) {
            throw RpcException.invalidParams("a segment needs root, data, index, proof {lemma, path} and fileSize");
        }
        if (index < 0 || index > Integer.MAX_VALUE) {
            throw RpcException.invalidParams("segment index " + index + " is out of range");
        }
        List<Hash> lemma = new ArrayList<>();
        for (String hash : proof.lemma()) {
            lemma.add(hash(hash, "proof lemma"));
        }
        if (proof.path().stream().anyMatch(Objects::isNull)) {
            throw RpcException.invalidParams("proof path holds true or false only");
        }
        try {
            SegmentBytes bytes = new SegmentBytes((int) index, Base64.getDecoder().decode(data), new SegmentProof(lemma, proof.path()));
            return new UploadedSegment(hash(root, "root"), fileSize, bytes);
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams("segment " + index + ": " + e.getMessage());
        }
    }

    static Hash hash(String hex, String what) {
        try {
            return Hash.of(hex);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw RpcException.invalidParams(what + " must be a 32-byte 0x-hex hash, not " + hex);
        }
    }
}
