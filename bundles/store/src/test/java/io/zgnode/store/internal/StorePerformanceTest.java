package io.zgnode.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.store.KeyValue;
import io.zgnode.api.store.Keys;
import io.zgnode.api.store.StoreSnapshot;
import io.zgnode.api.store.WriteBatch;

/**
 * Prints throughput figures (no timing assertions: the machine is shared and noisy). Sizes are
 * kept small enough for the normal test run; {@code -Dstore.perf.scale=N} multiplies them.
 * {@code -Dstore.perf.mmap=false} measures the FileChannel mode.
 */
@Tag("benchmark")
class StorePerformanceTest {

    private static final int SCALE = Integer.getInteger("store.perf.scale", 1);
    private static final boolean MMAP = Boolean.parseBoolean(System.getProperty("store.perf.mmap", "true"));

    @TempDir
    Path dir;

    @Test
    void printsThroughput() {
        Random random = new Random(1);
        try (MapDbStore store = open()) {
            // small batches: a block with a handful of state changes
            int smallCommits = 300 * SCALE;
            long t0 = System.nanoTime();
            for (int i = 0; i < smallCommits; i++) {
                WriteBatch batch = store.newBatch();
                for (int j = 0; j < 10; j++) {
                    batch.put("perf.small", key(random.nextInt(100_000)), value(random, 100));
                }
                batch.commit();
            }
            double smallSeconds = seconds(t0);

            // large batches: thousands of puts per block, random keys (account-like)
            int largeBatches = 5 * SCALE;
            int perBatch = 20_000;
            long t1 = System.nanoTime();
            for (int i = 0; i < largeBatches; i++) {
                WriteBatch batch = store.newBatch();
                for (int j = 0; j < perBatch; j++) {
                    batch.put("perf.large", Keys.concat(key(random.nextInt()), key(j)), value(random, 100));
                }
                batch.commit();
            }
            double largeSeconds = seconds(t1);

            // sequential keys: a file index appended in order
            long t2 = System.nanoTime();
            for (int i = 0; i < largeBatches; i++) {
                WriteBatch batch = store.newBatch();
                for (int j = 0; j < perBatch; j++) {
                    batch.put("perf.seq", Keys.ofLong((long) i * perBatch + j), value(random, 100));
                }
                batch.commit();
            }
            double seqSeconds = seconds(t2);

            // point reads and a full scan
            int reads = 200_000;
            long t3 = System.nanoTime();
            int found = 0;
            for (int i = 0; i < reads; i++) {
                if (store.get("perf.seq", Keys.ofLong(random.nextInt(largeBatches * perBatch))) != null) {
                    found++;
                }
            }
            double readSeconds = seconds(t3);
            long t4 = System.nanoTime();
            long scanned = 0;
            for (Iterator<KeyValue> it = store.scan("perf.large", null, null, false); it.hasNext(); it.next()) {
                scanned++;
            }
            double scanSeconds = seconds(t4);

            // small commits while a snapshot is open (copy-on-write cost)
            long t5 = System.nanoTime();
            try (StoreSnapshot snapshot = store.snapshot()) {
                for (int i = 0; i < smallCommits; i++) {
                    WriteBatch batch = store.newBatch();
                    for (int j = 0; j < 10; j++) {
                        batch.put("perf.small", key(random.nextInt(100_000)), value(random, 100));
                    }
                    batch.commit();
                }
                assertThat(snapshot.sequence()).isLessThan(store.sequence());
            }
            double snapSeconds = seconds(t5);

            assertThat(found).isEqualTo(reads);
            System.out.printf("store perf (mmap=%s, file %s):%n", MMAP, StoreCommands.humanBytes(store.fileSize()));
            System.out.printf("  small batches (10 puts of 4+100 B): %,.0f commits/s (%d commits in %.2f s)%n",
                    smallCommits / smallSeconds, smallCommits, smallSeconds);
            System.out.printf("  large batches, random 12 B keys:    %,.0f puts/s (%d x %d puts in %.2f s)%n",
                    largeBatches * perBatch / largeSeconds, largeBatches, perBatch, largeSeconds);
            System.out.printf("  large batches, sequential keys:     %,.0f puts/s (%.2f s)%n",
                    largeBatches * perBatch / seqSeconds, seqSeconds);
            System.out.printf("  point reads:                        %,.0f gets/s%n", reads / readSeconds);
            System.out.printf("  full scan:                          %,.0f entries/s (%d entries)%n",
                    scanned / scanSeconds, scanned);
            System.out.printf("  small batches, one snapshot open:   %,.0f commits/s%n", smallCommits / snapSeconds);
        }
    }

    private MapDbStore open() {
        return new MapDbStore(StoreSettings.of(dir).withMmap(MMAP));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static byte[] key(int i) {
        return new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
    }

    private static byte[] value(Random random, int size) {
        byte[] v = new byte[size];
        random.nextBytes(v);
        return v;
    }
}
