package io.zgnode.runtime.cli.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import io.zgnode.runtime.UserError;
import io.zgnode.runtime.cli.Workers;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.FileTree;

/**
 * Uploads a file's segments (or a fragment's: a {@link FilePart}) for its flow entry to storage
 * nodes: to each node the segments its shard keeps, read from the file a batch at a time (never the whole file in memory), each with
 * its proof, by {@code zgs_uploadSegmentsByTxSeq}, with a few calls to each node in flight. A node
 * ignores a segment it already holds, so uploading again after an interruption is harmless. Safe
 * to use for several nodes at once.
 */
public final class SegmentUploader {

    /**
     * Segments per call: 4 MiB, 5.6 MB of base64, well below what a node takes (ours 64 segments and
     * 64 MiB, 0G's 100 MB). The official SDK sends 10; 16 spreads a node's fsync and index commit of
     * each call over more bytes, and larger batches gained nothing more (bench/run storage).
     */
    static final int BATCH = 16;
    /**
     * Calls in flight to one node. A node answers a call once its segments are verified and on
     * disk; meanwhile the client encodes the next batch and the node verifies another, so both
     * sides keep working instead of waiting for each other (2 left the cores idle part of the time).
     */
    static final int PARALLEL = 3;

    private final FileChannel file;
    private final FilePart part;
    private final FileTree tree;
    private final FileInfo entry;

    /**
     * @param file the file, open for reading (read by position, so threads can share it)
     * @param part the bytes of the file the entry stores, whose tree is {@code tree}
     * @param entry the part's flow entry: its txSeq, and where it starts in the flow (shards count flow segments)
     */
    public SegmentUploader(FileChannel file, FilePart part, FileTree tree, FileInfo entry) {
        this.file = file;
        this.part = part;
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

    /**
     * Sends {@code node} every segment of its shard, {@link #PARALLEL} calls at a time; {@code uploaded}
     * is told the bytes of every batch the node accepted (from several threads). The first failure
     * stops the others.
     */
    public void upload(StorageNodeClient node, Shard shard, LongConsumer uploaded) throws Exception {
        int[] indices = segmentsOf(shard, entry.firstFlowSegment(), tree.layout().segments());
        int batches = (indices.length + BATCH - 1) / BATCH;
        AtomicInteger next = new AtomicInteger();
        List<Workers.Task> senders = new ArrayList<>();
        for (int i = 0; i < Math.min(PARALLEL, batches); i++) {
            senders.add(() -> {
                for (int batch = next.getAndIncrement(); batch < batches; batch = next.getAndIncrement()) {
                    send(node, indices, batch * BATCH, Math.min(indices.length, (batch + 1) * BATCH), uploaded);
                }
            });
        }
        Workers.runAll("upload", senders);
    }

    /** Segments {@code indices[from, to)} in one call. */
    private void send(StorageNodeClient node, int[] indices, int from, int to, LongConsumer uploaded) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new UserError("upload to " + node.url() + " interrupted");
        }
        SortedMap<Integer, byte[]> batch = new TreeMap<>();
        long bytes = 0;
        for (int i = from; i < to; i++) {
            byte[] data = part.segment(file, indices[i]);
            batch.put(indices[i], data);
            bytes += data.length;
        }
        try {
            node.uploadSegments(tree, batch, entry.txSeq());
        } catch (UserError e) {
            throw new UserError("uploading segments " + indices[from] + " to " + indices[to - 1] + " to " + node.url() + " failed: " + e.getMessage());
        }
        uploaded.accept(bytes);
    }
}
