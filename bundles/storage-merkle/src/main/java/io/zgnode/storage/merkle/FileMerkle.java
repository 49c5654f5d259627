package io.zgnode.storage.merkle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.zgnode.storage.merkle.internal.SegmentScan;
import io.zgnode.storage.merkle.internal.SegmentSource;

/**
 * Computes {@link FileTree}s. A file is read once, a segment at a time; up to {@code threads}
 * segments are hashed at once, with at most {@code 2 * threads} segments (256 KiB each) in memory,
 * and the result is the same for every thread count. An empty file is refused with an
 * {@link IllegalArgumentException}. Each call with more than one thread starts its own threads and
 * stops them before it returns.
 */
public final class FileMerkle {
    private final int threads;

    private FileMerkle(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    public static FileMerkle sequential() {
        return new FileMerkle(1);
    }

    /** One thread per available processor. */
    public static FileMerkle parallel() {
        return new FileMerkle(Runtime.getRuntime().availableProcessors());
    }

    public static FileMerkle threads(int threads) {
        return new FileMerkle(threads);
    }

    public FileTree of(byte[] file) {
        try {
            return scan(SegmentSource.of(file), threadsFor(file.length));
        } catch (IOException e) {
            throw new AssertionError("reading an array cannot fail", e);
        }
    }

    public FileTree of(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return of(channel);
        }
    }

    /** The file from offset 0 to its end; the channel's position is not used or changed. */
    public FileTree of(FileChannel file) throws IOException {
        return scan(SegmentSource.of(file), threadsFor(file.size()));
    }

    /** The bytes up to the end of the stream; the stream is not closed. */
    public FileTree of(InputStream file) throws IOException {
        return scan(SegmentSource.of(file), threads);
    }

    /** Threads only pay once a file has several segments. */
    private int threadsFor(long size) {
        return (int) Math.max(1, Math.min(threads, size / FileLayout.SEGMENT_SIZE));
    }

    private static FileTree scan(SegmentSource source, int threads) throws IOException {
        return new FileTree(SegmentScan.run(source, threads));
    }
}
