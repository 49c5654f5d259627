package io.zgnode.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.store.KeyValue;
import io.zgnode.api.store.Keys;
import io.zgnode.api.store.StoreSnapshot;
import io.zgnode.api.store.WriteBatch;

/**
 * A writer moves balances between accounts (emptied accounts are deleted, credited ones come
 * back); readers check through snapshots that the total never changes, by scans in both
 * directions (many pages, so commits land between pages) and by point reads.
 */
class ConcurrencyTest {

    private static final String NS = "bank";
    private static final int ACCOUNTS = 300;
    private static final long INITIAL = 1000;
    private static final long TOTAL = ACCOUNTS * INITIAL;
    private static final int COMMITS = 400;
    private static final int READERS = 3;

    @TempDir
    Path dir;

    @Test
    void readersThroughSnapshotsAlwaysSeeAConstantTotal() throws Exception {
        try (MapDbStore store = new MapDbStore(StoreSettings.of(dir).withPageSize(32))) {
            WriteBatch init = store.newBatch();
            for (int i = 0; i < ACCOUNTS; i++) {
                init.put(NS, account(i), Keys.ofLong(INITIAL));
            }
            init.commit();

            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong snapshotChecks = new AtomicLong();
            AtomicLong liveReads = new AtomicLong();
            CountDownLatch start = new CountDownLatch(1);

            Thread writer = new Thread(() -> {
                Random random = new Random(1);
                try {
                    start.await();
                    for (int c = 0; c < COMMITS; c++) {
                        WriteBatch batch = store.newBatch();
                        for (int t = 0; t < 5; t++) {
                            int from = random.nextInt(ACCOUNTS);
                            int to = random.nextInt(ACCOUNTS);
                            if (from == to) {
                                continue;
                            }
                            long fromBalance = balance(batch.get(NS, account(from)));
                            long amount = random.nextInt(4) == 0 ? fromBalance : random.nextInt((int) fromBalance + 1);
                            long toBalance = balance(batch.get(NS, account(to)));
                            set(batch, from, fromBalance - amount);
                            set(batch, to, toBalance + amount);
                        }
                        batch.commit();
                    }
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    done.set(true);
                }
            }, "writer");

            List<Thread> readers = new java.util.ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                final int id = r;
                readers.add(new Thread(() -> {
                    Random random = new Random(100 + id);
                    try {
                        start.await();
                        while (!done.get()) {
                            try (StoreSnapshot snapshot = store.snapshot()) {
                                long scanned = 0;
                                int entries = 0;
                                for (Iterator<KeyValue> it = snapshot.scan(NS, null, null, random.nextBoolean());
                                        it.hasNext();) {
                                    scanned += balance(it.next().value());
                                    entries++;
                                    if (entries % 50 == 0) {
                                        Thread.yield(); // let commits land between pages
                                    }
                                }
                                long pointed = 0;
                                int present = 0;
                                for (int i = 0; i < ACCOUNTS; i++) {
                                    byte[] value = snapshot.get(NS, account(i));
                                    if (value != null) {
                                        pointed += balance(value);
                                        present++;
                                    }
                                }
                                if (scanned != TOTAL || pointed != TOTAL || present != entries) {
                                    throw new AssertionError("snapshot at " + snapshot.sequence() + ": scan total "
                                            + scanned + ", point total " + pointed + ", " + entries
                                            + " entries scanned, " + present + " present");
                                }
                                snapshotChecks.incrementAndGet();
                            }
                            // live reads must never fail or show a half-applied batch's account
                            store.get(NS, account(random.nextInt(ACCOUNTS)));
                            liveReads.incrementAndGet();
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }, "reader-" + r));
            }
            writer.start();
            readers.forEach(Thread::start);
            start.countDown();
            writer.join(120_000);
            for (Thread reader : readers) {
                reader.join(60_000);
            }
            assertThat(failures).isEmpty();
            assertThat(writer.isAlive()).isFalse();
            assertThat(snapshotChecks.get()).isPositive();
            System.out.printf("concurrency: %d commits, %d snapshot checks, %d live reads by %d readers%n",
                    COMMITS, snapshotChecks.get(), liveReads.get(), READERS);

            long total = 0;
            for (Iterator<KeyValue> it = store.scan(NS, null, null, false); it.hasNext();) {
                total += balance(it.next().value());
            }
            assertThat(total).isEqualTo(TOTAL);
            assertThat(store.sequence()).isEqualTo(COMMITS + 1);
            assertThat(store.openSnapshots()).isZero();
        }
    }

    private static byte[] account(int i) {
        return Keys.concat("acct/".getBytes(), Keys.ofLong(i));
    }

    private static long balance(byte[] value) {
        return value == null ? 0 : Keys.toLong(value, 0);
    }

    private static void set(WriteBatch batch, int account, long balance) {
        if (balance == 0) {
            batch.delete(NS, account(account));
        } else {
            batch.put(NS, account(account), Keys.ofLong(balance));
        }
    }
}
