package io.zgnode.runtime.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.zgnode.runtime.UserError;

/** Waiting for what a node will do in a while (a receipt, a finalized file): ask, pause, ask again, until the time is up. */
public final class Polling {

    /** A block takes about a second: asking four times as often notices it soon, and costs the node little. */
    public static final Duration INTERVAL = Duration.ofMillis(250);

    private Polling() {
    }

    /**
     * Asks {@code check} until it gives a value, the first time at once.
     *
     * @param timedOut the error's message when {@code timeout} passes first (asked then, so it can tell the latest state)
     * @throws UserError with that message
     */
    public static <T> T until(Duration timeout, Supplier<Optional<T>> check, Supplier<String> timedOut) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = check.get();
            if (value.isPresent()) {
                return value.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new UserError(timedOut.get());
            }
            Thread.sleep(Math.max(1, Math.min(INTERVAL.toMillis(), left / 1_000_000)));
        }
    }
}
