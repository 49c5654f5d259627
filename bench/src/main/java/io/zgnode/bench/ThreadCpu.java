package io.zgnode.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time of every thread of a Linux process (user + system, from /proc), so that a phase's
 * CPU can be split by thread: the JVM's own (GC, JIT) as well as the application's, which JFR
 * execution samples do not show. Threads are grouped by name without their number.
 */
final class ThreadCpu {

    /** Clock ticks per second of /proc's times: 100 on every Linux we run on. */
    private static final double TICKS_PER_SECOND = 100;
    private static final int TOP = 10;

    private final Map<String, Long> ticksByThread;
    /** Of the ticks, those in the kernel (system time). */
    private final long systemTicks;

    private ThreadCpu(Map<String, Long> ticksByThread, long systemTicks) {
        this.ticksByThread = ticksByThread;
        this.systemTicks = systemTicks;
    }

    /** The threads of process {@code pid} now; empty where /proc is not there. */
    static ThreadCpu of(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        long system = 0;
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    // the name is in parentheses and may hold spaces: fields are counted after the last ')'
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(thread.getFileName() + " " + name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                    system += Long.parseLong(fields[12]);
                } catch (IOException ended) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            return new ThreadCpu(Map.of(), 0);
        }
        return new ThreadCpu(ticks, system);
    }

    /** Prints the CPU seconds each group of threads used since {@code before}, largest first. */
    void printSince(ThreadCpu before, String title) {
        Map<String, Long> byGroup = new HashMap<>();
        ticksByThread.forEach((thread, ticks) -> byGroup.merge(group(thread), ticks - before.ticksByThread.getOrDefault(thread, 0L), Long::sum));
        long total = byGroup.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("  %s CPU by thread (threads that ended before the end are missing): %.1f s, of it %.1f s in the kernel%n",
                title, total / TICKS_PER_SECOND, (systemTicks - before.systemTicks) / TICKS_PER_SECOND);
        byGroup.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .forEach(entry -> System.out.printf("      %5.1f s  %s%n", entry.getValue() / TICKS_PER_SECOND, entry.getKey()));
    }

    /** The share of this process's CPU since {@code before} that threads of group {@code group} used. */
    double shareSince(ThreadCpu before, String group) {
        long total = 0;
        long inGroup = 0;
        for (Map.Entry<String, Long> entry : ticksByThread.entrySet()) {
            long ticks = entry.getValue() - before.ticksByThread.getOrDefault(entry.getKey(), 0L);
            total += ticks;
            if (group(entry.getKey()).equals(group)) {
                inGroup += ticks;
            }
        }
        return total == 0 ? 0 : (double) inGroup / total;
    }

    /** "1234 GC Thread#1" and "1240 GC Thread#0" are one group, "GC Thread#N". */
    private static String group(String thread) {
        return thread.substring(thread.indexOf(' ') + 1).replaceAll("\\d+$", "N");
    }
}
