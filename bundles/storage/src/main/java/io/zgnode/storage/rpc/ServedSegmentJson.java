package io.zgnode.storage.rpc;

import io.zgnode.api.chain.Hash;
import io.zgnode.storage.segments.SegmentBytes;

/**
 * A segment with its proof as this node serves it ({@code zgs_downloadSegmentWithProof}): the
 * shape of {@link SegmentJson}, with the data as bytes. Jackson writes a byte[] as standard base64
 * with padding, 0G's encoding, straight into the answer: no string of 350 KB per segment to
 * encode, copy and scan for characters to escape.
 */
public record ServedSegmentJson(String root, byte[] data, long index, SegmentJson.ProofJson proof, long fileSize) {

    static ServedSegmentJson of(Hash root, SegmentBytes held, long fileSize) {
        return new ServedSegmentJson(root.toString(), held.data(), held.index(), SegmentJson.ProofJson.of(held.proof()), fileSize);
    }
}
