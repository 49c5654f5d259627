package io.zgnode.runtime.cli.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.zgnode.storage.merkle.FileLayout;

/**
 * How a file is cut into flow entries, as the official SDK 1.2.8 cuts it
 * ({@code Uploader.splitableUpload}, {@code AbstractFile.split}): a file of at most the fragment
 * size is one entry; a larger one is cut from its start into fragments of exactly the fragment
 * size, the last one holding the rest, each its own entry with its own root, uploaded in order. A
 * download concatenates the fragments in the order of their roots.
 * <p>
 * The SDK rounds a fragment size up to a power of two (and to at least one chunk); we ask for a
 * power of two and refuse anything else rather than change what was asked. It must also be at least
 * a segment (every fragment but the last then fills whole segments) and at most 4 GiB, the SDK's
 * default and the most one entry takes here.
 */
public final class Fragments {

    /** The SDK's default fragment size, and the largest: 4 GiB. */
    public static final long MAX_SIZE = FileUpload.MAX_BYTES;
    /** One segment: 256 KiB. */
    public static final long MIN_SIZE = FileLayout.SEGMENT_SIZE;

    private Fragments() {
    }

    /** Why {@code fragmentSize} cannot be used, or empty when it can. */
    public static Optional<String> problem(long fragmentSize) {
        if (fragmentSize < MIN_SIZE || fragmentSize > MAX_SIZE || Long.bitCount(fragmentSize) != 1) {
            return Optional.of("a fragment size is a power of two from " + MIN_SIZE + " (one segment) to " + MAX_SIZE + " (4 GiB) bytes, not "
                    + fragmentSize);
        }
        return Optional.empty();
    }

    /**
     * The parts of a file of {@code fileSize} bytes: the whole file when it is at most
     * {@code fragmentSize}, else its fragments in order.
     *
     * @throws IllegalArgumentException if the fragment size cannot be used or the file is empty
     */
    public static List<FilePart> of(Path file, long fileSize, long fragmentSize) {
        problem(fragmentSize).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (fileSize < 1) {
            throw new IllegalArgumentException("an empty file has no fragments");
        }
        int count = Math.toIntExact((fileSize - 1) / fragmentSize + 1);
        List<FilePart> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long offset = i * fragmentSize;
            parts.add(new FilePart(file, fileSize, i, count, offset, Math.min(fragmentSize, fileSize - offset)));
        }
        return parts;
    }
}
