package io.zgnode.feature.options;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** {@code node.json} in a data directory: read it, or replace it atomically. */
public final class NodeOptionsFile {

    public static final String FILE_NAME = "node.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public NodeOptionsFile(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /**
     * The remembered options, or empty ones for a new node.
     *
     * @throws IOException with a one-line message if the file exists but is not valid
     */
    public NodeOptions read() throws IOException {
        if (!Files.exists(file)) {
            return NodeOptions.empty();
        }
        try {
            NodeOptions options = JSON.readValue(file.toFile(), NodeOptions.class);
            if (options == null) {
                throw new IOException("corrupt node options " + file + ": the file is empty");
            }
            return options;
        } catch (JacksonException e) {
            throw new IOException("corrupt node options " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code options} so that a crash leaves either the old file or the new one. */
    public void write(NodeOptions options) throws IOException {
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        JSON.writeValue(temporary.toFile(), options);
        try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
