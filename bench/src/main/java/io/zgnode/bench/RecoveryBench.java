package io.zgnode.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import io.zgnode.api.chain.Transaction;
import io.zgnode.ethereum.InvalidTransactionException;
import io.zgnode.ethereum.TransactionDecoder;

/**
 * Sender recovery (decode + secp256k1 recover, as eth_sendRawTransaction does it): the rate on one
 * core, then on every core at once, and the second as a share of (cores x the first), the
 * machine's limit. Both measured in this run.
 */
public final class RecoveryBench {

    private static final long WARMUP_MILLIS = 3_000;
    private static final long MEASURE_MILLIS = 8_000;

    public static void main(String[] args) throws Exception {
        List<Transaction> signed = new BenchAccounts(200).transfers(10);
        List<byte[]> raw = signed.stream().map(Transaction::raw).toList();
        int cores = Runtime.getRuntime().availableProcessors();
        rate(raw, 1, WARMUP_MILLIS);
        double single = rate(raw, 1, MEASURE_MILLIS);
        rate(raw, cores, WARMUP_MILLIS);
        double parallel = rate(raw, cores, MEASURE_MILLIS);
        System.out.printf("sender recovery, 1 thread: %.0f tx/s%n", single);
        System.out.printf("sender recovery, %d threads: %.0f tx/s = %.0f %% of %d x the single-core rate%n", cores, parallel,
                100 * parallel / (cores * single), cores);
    }

    static double rate(List<byte[]> raw, int threads, long millis) throws InterruptedException {
        LongAdder done = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread worker = new Thread(() -> {
                int i = offset;
                while (running.get()) {
                    try {
                        TransactionDecoder.decode(raw.get(i++ % raw.size()));
                    } catch (InvalidTransactionException e) {
                        throw new IllegalStateException(e);
                    }
                    done.increment();
                }
            });
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(millis);
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        return done.sum() * 1000.0 / millis;
    }
}
