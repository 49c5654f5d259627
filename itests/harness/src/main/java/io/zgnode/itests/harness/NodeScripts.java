package io.zgnode.itests.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the Node.js interop scripts of {@code itests/js} (ethers, the 0G SDK): installs their
 * packages first if they are missing ({@code npm ci}), runs {@code node SCRIPT ARGS...}, and
 * returns the one JSON object the script prints last.
 */
public final class NodeScripts {

    public static final Path DIRECTORY = NodeProcess.ROOT.resolve("itests/js");
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeScripts() {
    }

    public static synchronized void install() throws IOException, InterruptedException {
        if (Files.isDirectory(DIRECTORY.resolve("node_modules"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIRECTORY.toFile()).inheritIO().start();
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IOException("npm ci in " + DIRECTORY + " failed");
        }
    }

    public static JsonNode run(String script, Duration timeout, String... args) throws IOException, InterruptedException {
        install();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("zgnode-js", ".txt");
        Process node = new ProcessBuilder(command).directory(DIRECTORY.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!node.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(script + " did not finish within " + timeout + ":\n" + Files.readString(output));
            }
            List<String> lines = Files.readAllLines(output);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("{")) {
                    return JSON.readTree(lines.get(i));
                }
            }
            throw new IOException(script + " printed no JSON object (exit " + node.exitValue() + "):\n" + String.join("\n", lines));
        } finally {
            node.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}
