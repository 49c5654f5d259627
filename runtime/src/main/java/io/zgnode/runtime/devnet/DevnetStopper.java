package io.zgnode.runtime.devnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.zgnode.runtime.UserError;

/**
 * {@code zgnode devnet --dir DIR --stop}: stops the devnet's supervisor and every one of its
 * nodes, including nodes restarted by hand (found by the pid file each node keeps in its data
 * directory while it runs).
 */
final class DevnetStopper {

    static final String SUPERVISOR_PID = "devnet.pid";
    static final String NODE_PID = "node.pid";

    private DevnetStopper() {
    }

    static int stop(Path directory, Duration timeout) throws IOException, InterruptedException {
        if (!Files.isDirectory(directory)) {
            throw new UserError("no devnet in " + directory);
        }
        List<ProcessHandle> running = new ArrayList<>();
        pid(directory.resolve(SUPERVISOR_PID)).ifPresent(running::add);
        for (Path data : DevnetFile.dataDirectories(directory)) {
            pid(data.resolve(NODE_PID)).ifPresent(running::add);
        }
        running.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle process : running) {
            while (process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        System.out.println("stopped " + running.size() + " processes of the devnet in " + directory);
        return 0;
    }

    private static Optional<ProcessHandle> pid(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(file).trim())).filter(ProcessHandle::isAlive)
                    .filter(DevnetStopper::isJava);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A pid file may be stale: only a java process is ours to stop. */
    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("java")).orElse(false);
    }
}
