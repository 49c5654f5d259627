package io.zgnode.storage.intake;

import io.zgnode.api.chain.Hash;
import io.zgnode.storage.merkle.SegmentWithProof;
import io.zgnode.storage.segments.SegmentBytes;

/**
 * A segment as a client or a peer sent it, decoded but not checked yet: the file it says it
 * belongs to (root and size), and its bytes with their proof. Unlike {@link SegmentWithProof},
 * which copies its bytes in and out, this holds the array it is given: an upload's bytes go from
 * the base64 decoder through the checks to the disk without a copy.
 */
public record UploadedSegment(Hash root, long fileSize, SegmentBytes segment) {

    public static UploadedSegment of(SegmentWithProof segment) {
        return new UploadedSegment(segment.root(), segment.fileSize(), new SegmentBytes(segment.index(), segment.data(), segment.proof()));
    }

    public int index() {
        return segment.index();
    }
}
