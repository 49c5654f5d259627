package io.zgnode.itests.osgi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Calls {@code example_count} back to back on its own thread, as a client would keep doing while
 * an operator updates bundles, and records every answer and every failure.
 */
final class CallLoop implements AutoCloseable {

    private final RpcClient client;
    private final List<Long> values = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    CallLoop(RpcClient client) {
        this.client = client;
        this.thread = new Thread(this::loop, "example_count caller");
        thread.start();
    }

    private void loop() {
        while (running.get()) {
            try {
                values.add(client.result("example_count").asLong());
            } catch (Exception e) {
                failures.add(e.getMessage());
            }
        }
    }

    /** Waits until {@code count} more calls have answered (or failed). */
    void awaitMoreCalls(int count) throws InterruptedException {
        int target = values.size() + failures.size() + count;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (values.size() + failures.size() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("calls stalled: " + values.size() + " answered, failures " + failures);
            }
            Thread.sleep(5);
        }
    }

    List<Long> values() {
        return List.copyOf(values);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(60_000);
    }
}
