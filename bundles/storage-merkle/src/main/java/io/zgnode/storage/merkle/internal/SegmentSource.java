package io.zgnode.storage.merkle.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** The bytes of a file, read a segment at a time from its start. */
@FunctionalInterface
public interface SegmentSource {

    /**
     * Fills {@code buffer} from its start with the next bytes of the file.
     *
     * @return the bytes read: {@code buffer.length} unless the file ends first (then 0 at its end)
     */
    int read(byte[] buffer) throws IOException;

    static SegmentSource of(byte[] file) {
        long[] position = {0};
        return buffer -> {
            int n = (int) Math.min(buffer.length, file.length - position[0]);
            System.arraycopy(file, (int) position[0], buffer, 0, n);
            position[0] += n;
            return n;
        };
    }

    static SegmentSource of(InputStream in) {
        return buffer -> in.readNBytes(buffer, 0, buffer.length);
    }

    /** Positional reads from offset 0, so the channel's own position is left alone. */
    static SegmentSource of(FileChannel channel) {
        long[] position = {0};
        return buffer -> {
            ByteBuffer target = ByteBuffer.wrap(buffer);
            while (target.hasRemaining()) {
                int n = channel.read(target, position[0] + target.position());
                if (n < 0) {
                    break;
                }
            }
            position[0] += target.position();
            return target.position();
        };
    }
}
