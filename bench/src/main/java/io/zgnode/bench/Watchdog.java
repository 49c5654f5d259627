package io.zgnode.bench;

/**
 * Ends a benchmark that runs in this JVM alone (no processes to stop) when it is not done in time,
 * with a message and exit code 3, so that a stuck run says so before bench/run's timeout kills it.
 */
final class Watchdog {

    private final Thread thread;

    private Watchdog(String benchmark, long millis) {
        this.thread = new Thread(() -> {
            try {
                Thread.sleep(millis);
                System.err.printf("%s: not done after %d s, stopping%n", benchmark, millis / 1000);
                System.exit(3);
            } catch (InterruptedException e) {
                // done in time
            }
        }, benchmark + "-watchdog");
        thread.setDaemon(true);
    }

    static Watchdog start(String benchmark, long millis) {
        Watchdog watchdog = new Watchdog(benchmark, millis);
        watchdog.thread.start();
        return watchdog;
    }

    void done() {
        thread.interrupt();
    }
}
