package io.zgnode.storage.intake;

import java.util.List;

import io.zgnode.api.chain.Hash;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.SubmissionNode;
import io.zgnode.storage.segments.ShardConfig;

/**
 * What the intake needs to know of a committed flow entry.
 *
 * @param startPosition the entry's first sector in the flow
 * @param nodes the submission's nodes, as committed
 */
public record StoredEntry(long txSeq, Hash root, long size, long startPosition, List<SubmissionNode> nodes) {

    public StoredEntry {
        nodes = List.copyOf(nodes);
    }

    public FileLayout layout() {
        return new FileLayout(size);
    }

    /** The sectors the entry occupies in the flow: its nodes back to back, the file's padded chunks. */
    public long sectors() {
        long sectors = 0;
        for (SubmissionNode node : nodes) {
            sectors += 1L << node.height();
        }
        return sectors;
    }

    /** The first sector after the entry. */
    public long endPosition() {
        return startPosition + sectors();
    }

    /** The flow segment index of the entry's segment {@code index}: what shards are counted by. */
    public long flowSegment(int index) {
        return startPosition / FileLayout.SEGMENT_CHUNKS + index;
    }

    /** How many of the entry's segments a node of {@code shard} keeps. */
    public int segmentsOf(ShardConfig shard) {
        int count = 0;
        for (int i = 0; i < layout().segments(); i++) {
            count += shard.holds(flowSegment(i)) ? 1 : 0;
        }
        return count;
    }
}
