package io.zgnode.storage.merkle.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.zgnode.storage.merkle.FileLayout;

/**
 * Reads a file once and hashes its segments, full ones on up to {@code threads} threads. The reader
 * keeps a ring of {@code 2 * threads} segment buffers: it refills a slot only after that slot's
 * segment is hashed, so memory stays bounded whatever the file size, and it collects roots in
 * segment order, so the result does not depend on the thread count.
 *
 * <p>A short read is the file's last segment: only then is the size known, and with it the flow
 * padding of that segment, so it is hashed last, on the calling thread.
 */
public final class SegmentScan {
    private static final int SEGMENT = FileLayout.SEGMENT_SIZE;

    /**
     * @param roots  the roots of the segments holding file bytes, 32 bytes each, in order
     * @param last   every level of the last such segment's tree when its padded chunk count is
     *               not 1024 (the submission's smallest nodes live there), else null
     */
    public record Result(FileLayout layout, byte[] roots, HashLevels last) {
    }

    private SegmentScan() {
    }

    public static Result run(SegmentSource source, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, SegmentScan::daemon);
        try {
            return scan(source, pool == null ? Runnable::run : pool, threads == 1 ? 1 : 2 * threads);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static Result scan(SegmentSource source, Executor executor, int slotCount) throws IOException {
        Slot[] slots = new Slot[slotCount];
        ByteArrayOutputStream roots = new ByteArrayOutputStream();
        long fullSegments = 0;
        Slot slot;
        int read;
        while (true) {
            int at = (int) (fullSegments % slotCount);
            if (slots[at] == null) {
                slots[at] = new Slot();
            }
            slot = slots[at];
            slot.collect(roots);
            read = source.read(slot.buffer);
            if (read < SEGMENT) {
                break;
            }
            slot.submit(executor);
            fullSegments++;
        }
        // The slots after the current one hold the segments still in flight, oldest first.
        for (int k = 1; k < slotCount; k++) {
            Slot pending = slots[(int) ((fullSegments + k) % slotCount)];
            if (pending != null) {
                pending.collect(roots);
            }
        }
        FileLayout layout = new FileLayout(fullSegments * SEGMENT + read);
        if (read == 0) {
            return new Result(layout, roots.toByteArray(), null);
        }
        int lastChunks = layout.segmentChunks(layout.segments() - 1);
        if (lastChunks == FileLayout.SEGMENT_CHUNKS) {
            roots.writeBytes(slot.hasher.root(slot.buffer, 0, read, lastChunks));
            return new Result(layout, roots.toByteArray(), null);
        }
        HashLevels last = slot.hasher.levels(slot.buffer, 0, read, lastChunks);
        roots.writeBytes(last.root().toArray());
        return new Result(layout, roots.toByteArray(), last);
    }

    /** A segment buffer, the hasher that works on it, and the root it is becoming. */
    private static final class Slot {
        final byte[] buffer = new byte[SEGMENT];
        final SegmentHasher hasher = new SegmentHasher();
        CompletableFuture<byte[]> root;

        void submit(Executor executor) {
            root = CompletableFuture.supplyAsync(() -> hasher.root(buffer, 0, SEGMENT, FileLayout.SEGMENT_CHUNKS), executor);
        }

        /** Appends the root of the segment this slot last held, once hashed; nothing if none. */
        void collect(ByteArrayOutputStream roots) throws IOException {
            if (root == null) {
                return;
            }
            try {
                roots.writeBytes(root.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while hashing segments");
            } catch (ExecutionException e) {
                throw new IllegalStateException("hashing a segment failed", e.getCause());
            } finally {
                root = null;
            }
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "zgnode-merkle-segment");
        thread.setDaemon(true);
        return thread;
    }
}
