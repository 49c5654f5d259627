package io.zgnode.runtime.devnet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.zgnode.runtime.Distribution;

/**
 * The command line of a node process, as the {@code zgnode} script starts one: this JVM's java,
 * a bounded heap, the class-data-sharing archive when there is one, the launcher jar; and the
 * node's share of this machine's processors.
 */
final class NodeJvm {

    private NodeJvm() {
    }

    static List<String> command(Distribution distribution, String heap, int processors, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        Path archive = distribution.home().resolve("zgnode.jsa");
        if (Files.exists(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
            command.add("-Xlog:cds=off");
            command.add("-Xlog:cds+dynamic=off");
        }
        command.add("-D" + Distribution.HOME_PROPERTY + "=" + distribution.home());
        // the same extra JVM options as the zgnode script gives the JVMs it starts
        String extra = System.getenv("ZGNODE_JAVA_OPTS");
        if (extra == null || !extra.contains("ActiveProcessorCount")) {
            // The nodes of a devnet share the cores: each sizes its thread pools and collector for its
            // share, so they contend less (4 nodes on 2 cores: 7 % less CPU per transfer, 1,290/s instead of 1,210/s).
            command.add("-XX:ActiveProcessorCount=" + processors);
        }
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.add("-jar");
        command.add(distribution.home().resolve("zgnode.jar").toString());
        command.addAll(arguments);
        return command;
    }
}
