package io.zgnode.runtime;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A node's data directory, held with an exclusive lock while the node runs so that two
 * processes never share one store.
 */
final class DataDirectory implements AutoCloseable {

    private static final String LOCK_FILE = "node.lock";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directory if needed and locks it. */
    static DataDirectory open(Path requested) {
        Path path = requested.toAbsolutePath().normalize();
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UserError("cannot create data directory " + path + ": " + describe(e));
        }
        if (!Files.isDirectory(path) || !Files.isReadable(path) || !Files.isWritable(path) || !Files.isExecutable(path)) {
            throw new UserError("data directory " + path + " is not a readable and writable directory");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new UserError("data directory " + path + " is in use by another zgnode process");
            }
            return new DataDirectory(path, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new UserError("data directory " + path + " is in use by this process already");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UserError("cannot lock data directory " + path + ": " + describe(e));
        }
    }

    Path path() {
        return path;
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    private static String describe(IOException e) {
        String reason = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? reason : reason + " " + e.getMessage();
    }
}
