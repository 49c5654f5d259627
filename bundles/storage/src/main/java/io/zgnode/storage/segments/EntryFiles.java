package io.zgnode.storage.segments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zgnode.storage.merkle.FileLayout;

/**
 * The bytes of each flow entry in a file of its own, segment {@code i} at offset {@code i} x 256 KiB.
 * Segments arrive in any order and from several uploaders: a sparse file takes each in place with
 * one positional write and no copy, reads come from the page cache, and dropping an entry is one
 * unlink. Kept out of MapDB, which would write each 256 KiB value twice (log and store) and hold
 * whole values in its node structure.
 */
final class EntryFiles implements AutoCloseable {

    private final Path directory;
    private final int maxOpen;
    /** Open channels, least recently used first: large files are read and written in runs. */
    private final Map<Long, FileChannel> open = new LinkedHashMap<>(16, 0.75f, true);

    EntryFiles(Path directory, int maxOpen) {
        this.directory = directory;
        this.maxOpen = maxOpen;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    /** Writes the segments of one entry and forces them to disk before returning. */
    synchronized void write(long txSeq, List<SegmentBytes> segments) {
        try {
            FileChannel channel = channel(txSeq, true);
            for (SegmentBytes segment : segments) {
                ByteBuffer buffer = ByteBuffer.wrap(segment.data());
                long position = offset(segment.index());
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write entry " + txSeq + " in " + directory, e);
        }
    }

    /** {@code length} bytes of segment {@code index}, which must have been written. */
    synchronized byte[] read(long txSeq, int index, int length) {
        try {
            FileChannel channel = channel(txSeq, false);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            long position = offset(index);
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new IOException("entry " + txSeq + " ends before segment " + index);
                }
                position += read;
            }
            return buffer.array();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read entry " + txSeq + " in " + directory, e);
        }
    }

    synchronized void delete(long txSeq) {
        closeQuietly(open.remove(txSeq));
        try {
            Files.deleteIfExists(file(txSeq));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete entry " + txSeq + " in " + directory, e);
        }
    }

    @Override
    public synchronized void close() {
        open.values().forEach(EntryFiles::closeQuietly);
        open.clear();
    }

    private FileChannel channel(long txSeq, boolean create) throws IOException {
        FileChannel channel = open.get(txSeq);
        if (channel != null) {
            return channel;
        }
        Path file = file(txSeq);
        boolean exists = Files.exists(file);
        if (!create && !exists) {
            throw new NoSuchFileException(file.toString());
        }
        channel = create ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (!exists) {
            forceDirectory();
        }
        open.put(txSeq, channel);
        if (open.size() > maxOpen) {
            Map.Entry<Long, FileChannel> eldest = open.entrySet().iterator().next();
            open.remove(eldest.getKey());
            closeQuietly(eldest.getValue());
        }
        return channel;
    }

    /**
     * Makes a new file's name durable: forcing a file's data does not force the directory entry
     * that names it. Linux allows this; where a directory cannot be opened, the file system is left
     * to commit the entry with the file.
     */
    private void forceDirectory() throws IOException {
        FileChannel folder;
        try {
            folder = FileChannel.open(directory, StandardOpenOption.READ);
        } catch (IOException notSupported) {
            return; // e.g. Windows, where a directory cannot be opened as a channel
        }
        try (folder) {
            folder.force(true);
        }
    }

    private Path file(long txSeq) {
        return directory.resolve(String.format("%016x.seg", txSeq));
    }

    private static long offset(int index) {
        return (long) index * FileLayout.SEGMENT_SIZE;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing a channel we no longer use: nothing to recover
            }
        }
    }
}
