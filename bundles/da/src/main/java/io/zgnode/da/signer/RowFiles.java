package io.zgnode.da.signer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.zgnode.api.chain.Hash;
import io.zgnode.da.blob.BlobRow;

/**
 * The rows a signer holds of each blob, in a sparse file per blob with row {@code i} at
 * {@code i x rowBytes}: a signer holds a spread-out subset of the rows, which a sparse file takes
 * in place without an offset table, and pruning a blob is one unlink. Kept out of MapDB for the
 * reasons the storage node keeps segments out of it (every value written twice, whole values in
 * its node structure). A blob's file is opened per call: a signer writes a blob in a few calls.
 */
final class RowFiles {

    private final Path directory;

    RowFiles(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    Path file(Hash dataRoot) {
        return directory.resolve(dataRoot.toString().substring(2) + ".rows");
    }

    /** Writes rows of one blob and forces them to disk before returning. */
    void write(Hash dataRoot, int rowBytes, List<BlobRow> rows) {
        try (FileChannel channel = FileChannel.open(file(dataRoot), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (BlobRow row : rows) {
                ByteBuffer buffer = ByteBuffer.wrap(row.data());
                long position = (long) row.index() * rowBytes;
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rows of " + dataRoot + " in " + directory, e);
        }
    }

    byte[] read(Hash dataRoot, int rowBytes, int index) {
        try (FileChannel channel = FileChannel.open(file(dataRoot), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(rowBytes);
            long position = (long) index * rowBytes;
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new IOException("the file ends before row " + index);
                }
                position += read;
            }
            return buffer.array();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read row " + index + " of " + dataRoot + " in " + directory, e);
        }
    }

    void delete(Hash dataRoot) {
        try {
            Files.deleteIfExists(file(dataRoot));
        } catch (NoSuchFileException gone) {
            // deleted meanwhile: what was wanted
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the rows of " + dataRoot, e);
        }
    }
}
