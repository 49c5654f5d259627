package io.zgnode.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * JFR recordings (the "profile" settings) of a node process, through jcmd, and of this process,
 * summarised per {@link Phase}. Start them well before the phases: enabling JFR's I/O events
 * makes a JVM re-instrument classes and recompile the code that inlined them, for a few seconds.
 */
final class Profiles {

    private final long pid;
    private final Path nodeFile;
    private final Path clientFile;
    private final Recording client;

    private Profiles(long pid, Path dir) throws Exception {
        this.pid = pid;
        this.nodeFile = dir.resolve("node.jfr");
        this.clientFile = dir.resolve("client.jfr");
        this.client = new Recording(Configuration.getConfiguration("profile"));
    }

    static Profiles start(long pid, Path dir) throws Exception {
        Profiles profiles = new Profiles(pid, dir);
        jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + profiles.nodeFile);
        profiles.client.start();
        return profiles;
    }

    /** Ends both recordings and writes them to files. */
    void stop() throws Exception {
        client.stop();
        client.dump(clientFile);
        client.close();
        jcmd(pid, "JFR.stop", "name=bench");
    }

    void print(String what, Phase phase) throws IOException {
        System.out.println("JFR during the " + what + ":");
        JfrSummary.read(nodeFile, phase.start(), phase.end()).print("node");
        JfrSummary.read(clientFile, phase.start(), phase.end()).print("client");
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = Stream.concat(Stream.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)),
                Stream.of(command)).toList();
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
    }
}
