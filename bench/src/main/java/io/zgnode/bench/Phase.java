package io.zgnode.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A timed part of a benchmark with a node process: its wall time, the CPU the node and this
 * process (the client) used, and the CPU the rest of the machine used meanwhile, so that a figure
 * taken while something else ran says so. Per-thread CPU ({@link ThreadCpu}) tells JIT and GC
 * threads from the application's.
 */
final class Phase {

    /** /proc/stat counts in 1/100 s on every Linux we run on. */
    static final double TICKS_PER_SECOND = 100;

    private final long pid;
    private final long startNanos = System.nanoTime();
    private final Instant start = Instant.now();
    private final Duration nodeCpuBefore;
    private final long clientCpuBefore = clientCpu();
    private final long machineBefore = machineBusyTicks();
    private final ThreadCpu nodeThreadsBefore;
    private final ThreadCpu clientThreadsBefore = ThreadCpu.of(ProcessHandle.current().pid());
    private Instant end;
    private double seconds;
    private double nodeSeconds;
    private double clientSeconds;
    private double machineSeconds;
    private ThreadCpu nodeThreads;
    private ThreadCpu clientThreads;

    private Phase(long pid) {
        this.pid = pid;
        this.nodeCpuBefore = nodeCpu(pid);
        this.nodeThreadsBefore = ThreadCpu.of(pid);
    }

    static Phase start(long pid) {
        return new Phase(pid);
    }

    void stop() {
        seconds = StorageUploadBench.seconds(startNanos);
        end = Instant.now();
        nodeSeconds = nodeCpu(pid).minus(nodeCpuBefore).toMillis() / 1e3;
        clientSeconds = (clientCpu() - clientCpuBefore) / 1e9;
        machineSeconds = (machineBusyTicks() - machineBefore) / TICKS_PER_SECOND;
        nodeThreads = ThreadCpu.of(pid);
        clientThreads = ThreadCpu.of(ProcessHandle.current().pid());
    }

    Instant start() {
        return start;
    }

    Instant end() {
        return end;
    }

    void print(String what, long bytes) {
        double others = Math.max(0, machineSeconds - nodeSeconds - clientSeconds);
        System.out.printf("%s: %.1f s, %.1f MB/s%n", what, seconds, bytes / seconds / 1e6);
        System.out.printf("  CPU: node %.1f s (%.2f cores), client %.1f s (%.2f cores); the machine was busy %.2f cores, %.2f of them for anything else%n",
                nodeSeconds, nodeSeconds / seconds, clientSeconds, clientSeconds / seconds, machineSeconds / seconds, others / seconds);
    }

    void printThreads(String what) {
        System.out.println("CPU by thread during the " + what + ":");
        nodeThreads.printSince(nodeThreadsBefore, "node");
        clientThreads.printSince(clientThreadsBefore, "client");
    }

    private static Duration nodeCpu(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid));
    }

    static long clientCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Machine CPU time neither idle nor waiting for I/O, hypervisor steal included (/proc/stat; 0 where there is none). */
    static long machineBusyTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal
            for (int i = 1; i < fields.length && i <= 8; i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(fields[i]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
