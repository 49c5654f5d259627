package io.zgnode.storage.intake;

import io.zgnode.api.chain.Hash;
import io.zgnode.storage.merkle.FileLayout;

/**
 * What the intake needs to know of a committed flow entry.
 *
 * @param startPosition the entry's first sector in the flow
 */
public record StoredEntry(long txSeq, Hash root, long size, long startPosition) {

    public FileLayout layout() {
        return new FileLayout(size);
    }

    /** The flow segment index of the entry's segment {@code index}: what shards are counted by. */
    public long flowSegment(int index) {
        return startPosition / FileLayout.SEGMENT_CHUNKS + index;
    }
}
