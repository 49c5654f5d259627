package io.zgnode.runtime.cli.storage;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.zgnode.runtime.UserError;
import io.zgnode.storage.merkle.FileLayout;

/**
 * The bytes of a file that one flow entry stores: the whole file, or one fragment of a file larger
 * than an entry takes ({@link Fragments}). Read by position, a segment at a time.
 *
 * @param fileSize the whole file's size when it was cut: a file that changes afterwards is refused
 * @param index the part's place among the file's {@code count} parts, from 0
 * @param offset where the part starts in the file
 * @param size the part's length in bytes, at least 1
 */
public record FilePart(Path file, long fileSize, int index, int count, long offset, long size) {

    public FilePart {
        if (size < 1 || offset < 0 || offset + size > fileSize || index < 0 || index >= count) {
            throw new IllegalArgumentException("part " + index + " of " + count + " at " + offset + " with " + size + " bytes does not fit a file of "
                    + fileSize + " bytes");
        }
    }

    /** The whole file as one part. */
    public static FilePart whole(Path file, long size) {
        return new FilePart(file, size, 0, 1, 0, size);
    }

    public boolean isWhole() {
        return count == 1;
    }

    /** The file's name, and the part's place in it when it is one of several. */
    public String describe() {
        return file.getFileName() + (isWhole() ? "" : " [" + (index + 1) + "/" + count + "]");
    }

    /** Opens the file to read the part; a file whose size changed since it was cut is refused. */
    public FileChannel open() throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        if (channel.size() != fileSize) {
            long now = channel.size();
            channel.close();
            throw new UserError(file + " changed while it was being uploaded: it had " + fileSize + " bytes, now " + now);
        }
        return channel;
    }

    /**
     * Segment {@code index} of the part as 0G's clients upload it (see
     * {@link io.zgnode.storage.merkle.SegmentData}): the part's chunks, its last chunk zero-filled,
     * read from {@code channel} (an {@link #open()} one) without moving its position.
     */
    public byte[] segment(FileChannel channel, int index) throws IOException {
        FileLayout layout = new FileLayout(size);
        long start = (long) index * FileLayout.SEGMENT_SIZE;
        byte[] data = new byte[layout.segmentDataLength(index)];
        ByteBuffer target = ByteBuffer.wrap(data, 0, (int) Math.min(data.length, size - start));
        while (target.hasRemaining()) {
            if (channel.read(target, offset + start + target.position()) < 0) {
                throw new EOFException(file + " ended at " + (offset + start + target.position()) + " of " + fileSize + " bytes");
            }
        }
        return data;
    }
}
