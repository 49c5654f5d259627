package io.zgnode.runtime.cli.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import io.zgnode.runtime.UserError;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.FileTree;
import io.zgnode.storage.merkle.SegmentData;
import io.zgnode.storage.merkle.SegmentWithProof;

/**
 * Uploads a file's segments for its flow entry to storage nodes: to each node the segments its
 * shard keeps, read from the file a batch at a time (never the whole file in memory), each with
 * its proof, by {@code zgs_uploadSegmentsByTxSeq}. A node ignores a segment it already holds, so
 * uploading again after an interruption is harmless. Safe to use for several nodes at once.
 */
public final class SegmentUploader {

    /** Segments per call, as the official SDK sends them: 2.5 MiB, 3.4 MB of base64, well below what a node takes. */
    static final int BATCH = 10;

    private final FileChannel file;
    private final FileTree tree;
    private final FileInfo entry;

    /**
     * @param file the file, open for reading (read by position, so threads can share it)
     * @param entry the file's flow entry: its txSeq, and where it starts in the flow (shards count flow segments)
     */
    public SegmentUploader(FileChannel file, FileTree tree, FileInfo entry) {
        this.file = file;
        this.tree = tree;
        this.entry = entry;
    }

    /** The indices of the file's segments that a node of {@code shard} keeps, in order. */
    public static int[] segmentsOf(Shard shard, long firstFlowSegment, int segments) {
        long num = shard.numShard();
        long first = Math.floorMod(shard.shardId() - firstFlowSegment, num);
        if (first >= segments) {
            return new int[0];
        }
        int[] indices = new int[(int) ((segments - 1 - first) / num + 1)];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = (int) (first + i * num);
        }
        return indices;
    }

    /** The bytes a node of {@code shard} is sent. */
    public long bytesFor(Shard shard) {
        FileLayout layout = tree.layout();
        long bytes = 0;
        for (int index : segmentsOf(shard, entry.firstFlowSegment(), layout.segments())) {
            bytes += layout.segmentDataLength(index);
        }
        return bytes;
    }

    /** Sends {@code node} every segment of its shard; {@code uploaded} is told the bytes of every batch the node accepted. */
    public void upload(StorageNodeClient node, Shard shard, LongConsumer uploaded) throws IOException {
        int[] indices = segmentsOf(shard, entry.firstFlowSegment(), tree.layout().segments());
        for (int from = 0; from < indices.length; from += BATCH) {
            if (Thread.currentThread().isInterrupted()) {
                throw new UserError("upload to " + node.url() + " interrupted");
            }
            int to = Math.min(indices.length, from + BATCH);
            List<SegmentWithProof> batch = new ArrayList<>(to - from);
            long bytes = 0;
            for (int i = from; i < to; i++) {
                byte[] data = SegmentData.read(file, indices[i]);
                batch.add(tree.segment(indices[i], data));
                bytes += data.length;
            }
            try {
                node.uploadSegments(batch, entry.txSeq());
            } catch (UserError e) {
                throw new UserError("uploading segments " + indices[from] + " to " + indices[to - 1] + " to " + node.url() + " failed: " + e.getMessage());
            }
            uploaded.accept(bytes);
        }
    }
}
