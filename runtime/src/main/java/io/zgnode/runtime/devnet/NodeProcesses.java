package io.zgnode.runtime.devnet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zgnode.runtime.UserError;

/** The node processes of a devnet: started, watched, stopped. */
final class NodeProcesses {

    private final Map<String, Process> processes = new LinkedHashMap<>();

    synchronized void start(String name, java.util.List<String> command, Path output) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        processes.put(name, process);
    }

    synchronized Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        processes.forEach((name, process) -> pids.put(name, process.pid()));
        return pids;
    }

    synchronized void requireRunning(String name) {
        Process process = processes.get(name);
        if (!process.isAlive()) {
            throw new UserError(name + " exited with code " + process.exitValue() + " while starting: see its node.out");
        }
    }

    /** Blocks until every node has exited (each one reported as it goes). */
    void awaitAllExited() throws InterruptedException {
        Map<String, Process> watched;
        synchronized (this) {
            watched = new LinkedHashMap<>(processes);
        }
        for (Map.Entry<String, Process> entry : watched.entrySet()) {
            int code = entry.getValue().waitFor();
            System.out.println(entry.getKey() + " exited (" + code + ")");
        }
    }

    /** SIGTERM to every node, then SIGKILL to what is still running after {@code timeout}. */
    synchronized void stopAll(java.time.Duration timeout) {
        processes.values().forEach(Process::destroy);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
