package io.zgnode.runtime.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import io.zgnode.runtime.UserError;
import io.zgnode.runtime.cli.storage.FilePart;
import io.zgnode.storage.merkle.FileMerkle;
import io.zgnode.storage.merkle.FileTree;

/**
 * The 0G storage Merkle tree of a file named on a client command line, hashed on every core. What
 * cannot have a root (no such file, a directory, an empty file) is refused with one line naming the
 * file, before anything is read; a large file shows a progress bar while it is read (only on a
 * terminal, as {@link Progress} does).
 */
final class FileTrees {

    /** Smaller files hash in well under a second: a bar would only flicker. */
    static final long PROGRESS_FROM_BYTES = 64L << 20;

    private FileTrees() {
    }

    static FileTree of(Path file) throws IOException {
        return of(file, PROGRESS_FROM_BYTES);
    }

    /** With a bar (on a terminal) from {@code progressFromBytes} on: the read then goes through a stream. */
    static FileTree of(Path file, long progressFromBytes) throws IOException {
        long size = checkedSize(file);
        if (size < progressFromBytes) {
            return FileMerkle.parallel().of(file);
        }
        try (Progress progress = Progress.start("hashing " + file.getFileName(), size, Progress.Unit.BYTES);
                InputStream in = new Counted(Files.newInputStream(file), progress)) {
            return FileMerkle.parallel().of(in);
        }
    }

    /** The tree of a part of a file: the whole file's, or a fragment's, read from its offset. */
    static FileTree of(FilePart part) throws IOException {
        return of(part, PROGRESS_FROM_BYTES);
    }

    static FileTree of(FilePart part, long progressFromBytes) throws IOException {
        if (part.isWhole()) {
            return of(part.file(), progressFromBytes);
        }
        try (FileChannel channel = part.open()) {
            InputStream fragment = new Limited(Channels.newInputStream(channel.position(part.offset())), part.size());
            if (part.size() < progressFromBytes) {
                return FileMerkle.parallel().of(fragment);
            }
            try (Progress progress = Progress.start("hashing " + part.describe(), part.size(), Progress.Unit.BYTES)) {
                return FileMerkle.parallel().of(new Counted(fragment, progress));
            }
        }
    }

    /** The size of a file that can have a root, or a {@link UserError} saying why it cannot. */
    static long checkedSize(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new UserError(file + ": is a directory, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new UserError(file + ": not a regular file");
        }
        if (attributes.size() == 0) {
            throw new UserError(file + ": the file is empty, and 0G storage has no root for an empty file");
        }
        return attributes.size();
    }

    /** The first {@code remaining} bytes of a stream (its end, for the Merkle tree, is the fragment's end). */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }

    /** Reports every byte read to the progress bar. */
    private static final class Counted extends FilterInputStream {
        private final Progress progress;

        Counted(InputStream in, Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                progress.advance(n);
            }
            return n;
        }
    }
}
