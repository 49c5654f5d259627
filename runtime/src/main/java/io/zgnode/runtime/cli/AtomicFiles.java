package io.zgnode.runtime.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import io.zgnode.runtime.UserError;

/**
 * Files that client commands write (key files, downloads): checked before any costly work, and
 * given their final name only when complete, so that a reader sees no file or the whole file,
 * never part of one. The temporary file must be in the target's folder (a rename does not cross
 * file systems) and already forced to disk.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Fails, before any costly work, when {@code file} is a directory, or exists and {@code replace} is false.
     *
     * @return the file's absolute path
     */
    public static Path checkWritable(Path file, boolean replace) {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new UserError(target + " is a directory");
        }
        if (!replace && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new UserError(target + " exists; give --force to overwrite it");
        }
        return target;
    }

    /**
     * Renames {@code temporary} to {@code target} in one step and makes the new name durable.
     *
     * @param replace replace an existing target; without it an existing target is a
     *     {@link FileAlreadyExistsException} and {@code temporary} stays where it is
     */
    public static void publish(Path temporary, Path target, boolean replace) throws IOException {
        if (replace) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            publishWithoutReplacing(temporary, target);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /**
     * A hard link is atomic and never replaces; where links are not supported, a move that checks
     * first.
     */
    private static void publishWithoutReplacing(Path temporary, Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            Files.move(temporary, target);
            return;
        }
        Files.delete(temporary);
    }

    /** Makes a new directory entry durable; best effort (not every platform can open a directory). */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException ignored) {
            // the file itself is synced; losing its name in a crash is the rare remaining case
        }
    }

    /** Deletes a temporary file left by a failed write; what failed is reported by the caller. */
    public static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // a stray temporary file is all that is left; the caller's error says what failed
        }
    }
}
