package io.zgnode.runtime.cli;

import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few tasks run at once, each on its own thread (transfers to several nodes, downloads of
 * several segments), and waited for: the first failure interrupts the others and is thrown as it
 * is, so a {@link io.zgnode.runtime.UserError} keeps its one line. No thread outlives the call.
 */
public final class Workers {

    /** How long interrupted tasks get to end (an HTTP call answers its interrupt at once). */
    private static final long STOP_SECONDS = 10;

    /** A piece of work that may fail. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private Workers() {
    }

    /** Runs every task on its own thread, named {@code name-N}; returns when all succeeded. */
    public static void runAll(String name, List<Task> tasks) throws Exception {
        if (tasks.size() <= 1) {
            for (Task task : tasks) {
                task.run();
            }
            return;
        }
        AtomicInteger number = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size(), runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<Void> done = new ExecutorCompletionService<>(threads);
            for (Task task : tasks) {
                done.submit(() -> {
                    task.run();
                    return null;
                });
            }
            for (int i = 0; i < tasks.size(); i++) {
                try {
                    done.take().get();
                } catch (ExecutionException e) {
                    throw rethrown(e.getCause());
                }
            }
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static Exception rethrown(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return (Exception) cause;
    }
}
