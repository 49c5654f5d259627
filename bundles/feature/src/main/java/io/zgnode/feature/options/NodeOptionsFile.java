package io.zgnode.feature.options;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

/**
 * {@code node.json} in a data directory: read it, or replace it atomically.
 * <p>
 * Read and written with JSON-P, which the launcher loads anyway to read features: the launcher
 * starts faster without a second JSON library.
 */
public final class NodeOptionsFile {

    public static final String FILE_NAME = "node.json";
    private static final Set<String> FIELDS = Set.of("features", "settings", "genesis");

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
        try (Reader in = Files.newBufferedReader(file)) {
            return fromJson(Json.createReader(in).readObject());
        } catch (JsonException | ClassCastException | IllegalStateException e) {
            throw new IOException("corrupt node options " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static NodeOptions fromJson(JsonObject json) {
        for (String key : json.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new IllegalStateException("unknown field '" + key + "'");
            }
        }
        List<String> features = new ArrayList<>();
        JsonArray featureArray = json.getJsonArray("features");
        if (featureArray != null) {
            featureArray.getValuesAs(JsonString.class).forEach(name -> features.add(name.getString()));
        }
        Map<String, Map<String, String>> settings = new TreeMap<>();
        JsonObject settingsObject = json.getJsonObject("settings");
        if (settingsObject != null) {
            settingsObject.forEach((pid, values) -> {
                Map<String, String> map = new TreeMap<>();
                values.asJsonObject().forEach((key, value) -> map.put(key, ((JsonString) value).getString()));
                settings.put(pid, map);
            });
        }
        String genesis = json.containsKey("genesis") && json.get("genesis").getValueType() != JsonValue.ValueType.NULL
                ? json.getString("genesis") : null;
        return new NodeOptions(features, settings, genesis);
    }

    /** Writes {@code options} so that a crash leaves either the old file or the new one. */
    public void write(NodeOptions options) throws IOException {
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary)) {
            JsonGenerator json = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createGenerator(out);
            json.write(toJson(options));
            json.flush();
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static JsonObject toJson(NodeOptions options) {
        JsonObjectBuilder settings = Json.createObjectBuilder();
        options.settings().forEach((pid, values) -> {
            JsonObjectBuilder pidValues = Json.createObjectBuilder();
            values.forEach(pidValues::add);
            settings.add(pid, pidValues);
        });
        JsonObjectBuilder json = Json.createObjectBuilder().add("features", Json.createArrayBuilder(options.features())).add("settings", settings);
        if (options.genesis() != null) {
            json.add("genesis", options.genesis());
        }
        return json.build();
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
