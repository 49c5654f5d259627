package io.zgnode.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import io.zgnode.api.chain.Transaction;
import io.zgnode.crypto.PublicKey;
import io.zgnode.crypto.Secp256k1;
import io.zgnode.crypto.SignatureClaim;
import io.zgnode.ethereum.InvalidTransactionException;
import io.zgnode.ethereum.TransactionDecoder;

/**
 * Sender recovery (decode + secp256k1 recover, as eth_sendRawTransaction does it): the rate on one
 * core, then on every core at once, and the second as a share of (cores x the first), the
 * machine's limit. Both measured in this run. Then what a node does with gossiped batches that
 * carry their senders' keys: decode, and check the batch's signatures against the keys at once.
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
        // what a node does with a gossiped batch that carries the senders' keys
        List<PublicKey> keys = new ArrayList<>();
        for (byte[] transaction : raw) {
            keys.add(TransactionDecoder.decodeWithKey(transaction).senderKey());
        }
        for (int batch : new int[] {8, 16, 32, 64, 256}) {
            batchRate(raw, keys, batch, WARMUP_MILLIS);
            double checked = batchRate(raw, keys, batch, MEASURE_MILLIS);
            System.out.printf("decode + senders checked against claimed keys in batches of %d, 1 thread: %.0f tx/s = %.2f x the recovery rate%n",
                    batch, checked, checked / single);
        }
    }

    static double batchRate(List<byte[]> raw, List<PublicKey> keys, int batch, long millis) throws InvalidTransactionException {
        long end = System.nanoTime() + millis * 1_000_000;
        long start = System.nanoTime();
        long done = 0;
        int next = 0;
        while (System.nanoTime() < end) {
            List<SignatureClaim> claims = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++, next = (next + 1) % raw.size()) {
                claims.add(TransactionDecoder.decodeClaimed(raw.get(next), keys.get(next)).claim());
            }
            if (!Secp256k1.recoverToClaimedKeys(claims, Secp256k1.HighS.REJECT)) {
                throw new IllegalStateException("a batch of valid claims failed");
            }
            done += batch;
        }
        return done * 1e9 / (System.nanoTime() - start);
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
