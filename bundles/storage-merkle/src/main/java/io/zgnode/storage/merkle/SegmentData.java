package io.zgnode.storage.merkle;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The bytes of a segment as 0G's SDK uploads them: the segment's file chunks, the file's last
 * chunk zero-filled to 256 bytes, and nothing for the flow padding after the file (see
 * {@link FileLayout#segmentDataLength(int)}).
 */
public final class SegmentData {

    private SegmentData() {
    }

    public static byte[] of(byte[] file, int index) {
        FileLayout layout = new FileLayout(file.length);
        long start = (long) index * FileLayout.SEGMENT_SIZE;
        byte[] data = new byte[layout.segmentDataLength(index)];
        System.arraycopy(file, (int) start, data, 0, (int) Math.min(data.length, file.length - start));
        return data;
    }

    /** Reads segment {@code index} of the file the channel holds, without moving its position. */
    public static byte[] read(FileChannel file, int index) throws IOException {
        long size = file.size();
        FileLayout layout = new FileLayout(size);
        long start = (long) index * FileLayout.SEGMENT_SIZE;
        byte[] data = new byte[layout.segmentDataLength(index)];
        ByteBuffer target = ByteBuffer.wrap(data, 0, (int) Math.min(data.length, size - start));
        while (target.hasRemaining()) {
            if (file.read(target, start + target.position()) < 0) {
                throw new EOFException("file ended at " + (start + target.position()) + " of " + size + " bytes");
            }
        }
        return data;
    }
}
