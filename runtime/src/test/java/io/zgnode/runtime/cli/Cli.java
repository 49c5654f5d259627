package io.zgnode.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zgnode.runtime.Main;

/** Runs the launcher's command line in this process, with stdout and stderr captured. */
public final class Cli {

    private Cli() {
    }

    /** What a command printed and returned. */
    public record Result(int exitCode, String out, String err) {

        /** Stdout as the one JSON object it must be, and nothing else (exit code 0, stderr empty). */
        public JsonNode json() {
            assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
            assertThat(err).isEmpty();
            assertThat(out).endsWith("\n");
            assertThat(out.strip().lines().count()).as("stdout lines: %s", out).isEqualTo(1);
            try {
                ObjectMapper strict = new ObjectMapper();
                JsonNode node = strict.readTree(out);
                assertThat(node.isObject()).as("stdout is an object: %s", out).isTrue();
                // nothing after the object: a second parse of the same text as a sequence finds one value
                assertThat(strict.readerFor(JsonNode.class).readValues(out).readAll()).hasSize(1);
                return node;
            } catch (java.io.IOException e) {
                throw new AssertionError("stdout is not JSON: " + out, e);
            }
        }

        /** A failure: the exit code, nothing on stdout, and exactly one line "zgnode: ..." on stderr. */
        public String failure(int expectedExitCode) {
            assertThat(exitCode).as("exit code; stdout: %s; stderr: %s", out, err).isEqualTo(expectedExitCode);
            assertThat(out).isEmpty();
            List<String> lines = err.lines().toList();
            assertThat(lines).as("stderr: %s", err).hasSize(1);
            assertThat(lines.get(0)).startsWith("zgnode: ");
            return lines.get(0);
        }
    }

    /** Runs {@code zgnode ARGS} through {@link Main#run} with an environment and no terminal. */
    public static synchronized Result run(Map<String, String> environment, String... args) {
        try (Passwords.Restore restore = Passwords.replace(new Passwords(environment::get, null))) {
            return runAsIs(args);
        }
    }

    /** Runs {@code zgnode ARGS} with an empty environment and no terminal. */
    public static Result run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs {@code zgnode ARGS} with whatever {@link Passwords#current()} is. */
    public static synchronized Result runAsIs(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int exitCode = Main.run(args);
            System.out.flush();
            System.err.flush();
            return new Result(exitCode, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
