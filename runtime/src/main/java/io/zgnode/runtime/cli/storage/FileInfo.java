package io.zgnode.runtime.cli.storage;

import io.zgnode.api.chain.Hash;
import io.zgnode.storage.merkle.FileLayout;

/**
 * What a storage node says of a file ({@code zgs_getFileInfo}): its flow entry (txSeq, root, first
 * sector in the flow, size in bytes) and whether the node holds every segment of its shard.
 */
public record FileInfo(long txSeq, Hash root, long startEntryIndex, long size, boolean finalized, long uploadedSegments) {

    /** The flow segment index of the file's segment 0: shards count segments from the flow's start. */
    public long firstFlowSegment() {
        return startEntryIndex / FileLayout.SEGMENT_CHUNKS;
    }
}
