package io.zgnode.storage.segments;

import io.zgnode.storage.merkle.SegmentProof;

/**
 * One segment of an entry as uploaded: 256 KiB, or less for the entry's last one, and its proof,
 * kept so that the node can serve the segment with a proof without holding the other shards.
 */
public record SegmentBytes(int index, byte[] data, SegmentProof proof) {
}
