package io.zgnode.net.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs its tasks one after the other, in submission order, on a shared pool: one peer's
 * messages reach the handlers in the order they arrived without a thread per peer.
 */
final class SerialExecutor implements Executor {

    /** Tasks run before the thread goes back to the pool. */
    private static final int BATCH = 64;

    private final Executor pool;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                tasks.clear();
                running = false;
            }
            throw e;
        }
    }

    synchronized int size() {
        return tasks.size();
    }

    private void drain() {
        for (int done = 0;; done++) {
            if (done == BATCH) {
                // let other peers' queues have the thread
                try {
                    pool.execute(this::drain);
                    return;
                } catch (RejectedExecutionException e) {
                    // shutting down: finish here
                }
            }
            Runnable task;
            synchronized (this) {
                task = tasks.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            task.run();
        }
    }
}
