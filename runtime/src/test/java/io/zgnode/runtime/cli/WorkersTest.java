package io.zgnode.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.zgnode.runtime.UserError;

class WorkersTest {

    @Test
    void everyTaskRunsAtOnce() throws Exception {
        CountDownLatch allStarted = new CountDownLatch(3);
        AtomicInteger done = new AtomicInteger();
        Workers.Task task = () -> {
            allStarted.countDown();
            allStarted.await(); // returns only if the three run at the same time
            done.incrementAndGet();
        };
        Workers.runAll("test", List.of(task, task, task));
        assertThat(done).hasValue(3);
    }

    @Test
    void theFirstFailureIsThrownAsItIsAndStopsTheOthers() {
        AtomicBoolean interrupted = new AtomicBoolean();
        Workers.Task waits = () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        };
        Workers.Task fails = () -> {
            throw new UserError("node 2 refused the segments");
        };
        assertThatThrownBy(() -> Workers.runAll("test", List.of(waits, fails))).isInstanceOf(UserError.class).hasMessage("node 2 refused the segments");
        assertThat(interrupted).isTrue();
    }
}
