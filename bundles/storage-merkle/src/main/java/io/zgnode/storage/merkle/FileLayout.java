package io.zgnode.storage.merkle;

/**
 * Where a file of {@code size} bytes sits in the flow: its 256-byte chunks, the zero chunks the
 * flow pads it with, and its 1024-chunk segments.
 *
 * <p>Two segment counts matter. The file tree has a leaf for every segment of the padded chunks
 * ({@link #paddedSegments()}); a client sends, and a node accepts, only the segments that hold file
 * bytes ({@link #segments()}): a segment made of padding alone is known to every node already.
 */
public record FileLayout(long size) {
    public static final int CHUNK_SIZE = 256;
    /** A segment's tree is a perfect one of this height when the segment is full. */
    public static final int SEGMENT_HEIGHT = 10;
    public static final int SEGMENT_CHUNKS = 1 << SEGMENT_HEIGHT;
    public static final int SEGMENT_SIZE = CHUNK_SIZE * SEGMENT_CHUNKS;
    /**
     * The most one flow entry holds: 4 GiB, the fragment size of the official SDK, which cuts larger
     * files into entries of this size. The Flow contract refuses a longer submission.
     */
    public static final long MAX_ENTRY_BYTES = 4L << 30;

    public FileLayout {
        if (size <= 0) {
            throw new IllegalArgumentException(
                    "a file must hold at least one byte, got size " + size + ": the flow has no entry for an empty file");
        }
    }

    /** File chunks, the last one zero-padded to 256 bytes. */
    public long chunks() {
        return ceilDiv(size, CHUNK_SIZE);
    }

    public long paddedChunks() {
        return paddedChunks(chunks());
    }

    /**
     * The chunk count the flow stores for a file of {@code chunks} chunks: a power of two stays;
     * anything else is rounded up to a multiple of a sixteenth of the next power of two (at least
     * 1), so a submission needs at most four nodes and wastes under a sixteenth of its space.
     */
    public static long paddedChunks(long chunks) {
        if (chunks <= 0) {
            throw new IllegalArgumentException("chunk count must be positive, got " + chunks);
        }
        long nextPow2 = Long.highestOneBit(chunks) == chunks ? chunks : Long.highestOneBit(chunks) << 1;
        if (nextPow2 == chunks) {
            return chunks;
        }
        long unit = Math.max(1, nextPow2 / 16);
        return ceilDiv(chunks, unit) * unit;
    }

    /** Segments holding file bytes: the ones a client uploads and a node serves. */
    public int segments() {
        return Math.toIntExact(ceilDiv(chunks(), SEGMENT_CHUNKS));
    }

    /** Leaves of the file tree: the segments of the padded chunks. */
    public int paddedSegments() {
        return Math.toIntExact(ceilDiv(paddedChunks(), SEGMENT_CHUNKS));
    }

    /** Chunks of padded segment {@code index} in the file tree: 1024 except, maybe, in the last one. */
    public int segmentChunks(int index) {
        checkIndex(index, paddedSegments());
        return (int) Math.min(SEGMENT_CHUNKS, paddedChunks() - (long) index * SEGMENT_CHUNKS);
    }

    /**
     * Bytes of segment {@code index} as a client sends it: its file chunks only, the last chunk of
     * the file zero-filled to 256 bytes; the padding chunks after the file are never sent.
     */
    public int segmentDataLength(int index) {
        checkIndex(index, segments());
        long chunksHere = Math.min(SEGMENT_CHUNKS, chunks() - (long) index * SEGMENT_CHUNKS);
        return (int) chunksHere * CHUNK_SIZE;
    }

    private static void checkIndex(int index, int count) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("segment " + index + " of " + count);
        }
    }

    private static long ceilDiv(long x, long unit) {
        return (x - 1) / unit + 1;
    }
}
