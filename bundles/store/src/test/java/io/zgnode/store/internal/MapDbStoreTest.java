package io.zgnode.store.internal;

import static io.zgnode.store.internal.TestData.b;
import static io.zgnode.store.internal.TestData.drain;
import static io.zgnode.store.internal.TestData.expected;
import static io.zgnode.store.internal.TestData.keysOf;
import static io.zgnode.store.internal.TestData.s;
import static io.zgnode.store.internal.TestData.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.metrics.MetricWriter;
import io.zgnode.api.store.KeyValue;
import io.zgnode.api.store.Keys;
import io.zgnode.api.store.StoreException;
import io.zgnode.api.store.StoreSnapshot;
import io.zgnode.api.store.WriteBatch;

class MapDbStoreTest {

    @TempDir
    Path dir;

    private MapDbStore store;

    @BeforeEach
    void open() {
        store = new MapDbStore(StoreSettings.of(dir).withPageSize(16));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void put(String ns, byte[] key, byte[] value) {
        WriteBatch batch = store.newBatch();
        batch.put(ns, key, value).commit();
    }

    @Test
    void putGetDelete() {
        assertThat(store.get("a", s("k"))).isNull();
        put("a", s("k"), s("v1"));
        assertThat(str(store.get("a", s("k")))).isEqualTo("v1");
        assertThat(store.contains("a", s("k"))).isTrue();
        put("a", s("k"), s("v2"));
        assertThat(str(store.get("a", s("k")))).isEqualTo("v2");
        store.newBatch().delete("a", s("k")).commit();
        assertThat(store.get("a", s("k"))).isNull();
        assertThat(store.contains("a", s("k"))).isFalse();
        assertThat(store.sequence()).isEqualTo(3);
    }

    @Test
    void emptyKeyAndEmptyValueAreValid() {
        put("a", new byte[0], new byte[0]);
        assertThat(store.get("a", new byte[0])).isEmpty();
        assertThat(drain(store.scan("a", null, null, false))).containsExactly("=");
    }

    @Test
    void namespacesAreIsolated() {
        store.newBatch().put("one", s("k"), s("1")).put("two", s("k"), s("2")).put("two", s("x"), s("3")).commit();
        assertThat(str(store.get("one", s("k")))).isEqualTo("1");
        assertThat(str(store.get("two", s("k")))).isEqualTo("2");
        assertThat(store.get("one", s("x"))).isNull();
        assertThat(store.get("three", s("k"))).isNull();
        assertThat(keysOf(store.scan("one", null, null, false))).hasSize(1);
        assertThat(keysOf(store.scan("two", null, null, true))).hasSize(2);
        assertThat(keysOf(store.scan("three", null, null, false))).isEmpty();
        store.newBatch().delete("one", s("k")).commit();
        assertThat(str(store.get("two", s("k")))).isEqualTo("2");
        assertThat(store.namespaceSizes()).containsExactly(Map.entry("one", 0L), Map.entry("two", 2L));
    }

    @Test
    void keysAreOrderedUnsignedLexicographicShorterFirst() {
        List<byte[]> ordered = List.of(b(), b(0x00), b(0x00, 0x00), b(0x00, 0x01), b(0x01), b(0x7f), b(0x7f, 0xff),
                b(0x80), b(0x80, 0x00), b(0x81), b(0xfe, 0xff), b(0xff), b(0xff, 0x00), b(0xff, 0xff));
        List<byte[]> shuffled = new ArrayList<>(ordered);
        Collections.shuffle(shuffled, new Random(7));
        WriteBatch batch = store.newBatch();
        for (byte[] key : shuffled) {
            batch.put("order", key, key);
        }
        batch.commit();
        List<String> expectedKeys = ordered.stream().map(Bytes::hex).toList();
        assertThat(keysOf(store.scan("order", null, null, false))).containsExactlyElementsOf(expectedKeys);
        List<String> reversed = new ArrayList<>(expectedKeys);
        Collections.reverse(reversed);
        assertThat(keysOf(store.scan("order", null, null, true))).containsExactlyElementsOf(reversed);

        // the order is the file's, not just this session's
        store.close();
        store = new MapDbStore(StoreSettings.of(dir).withPageSize(16));
        assertThat(keysOf(store.scan("order", null, null, false))).containsExactlyElementsOf(expectedKeys);
        assertThat(keysOf(store.scan("order", b(0x7f), b(0x81), false)))
                .containsExactly("7f", "7fff", "80", "8000");
    }

    @Test
    void prefixScans() {
        WriteBatch batch = store.newBatch();
        for (byte[] key : List.of(b(0x01), b(0x01, 0x00), b(0x01, 0xff), b(0x01, 0xff, 0x05), b(0x02), b(0x7f, 0x01),
                b(0x80), b(0x80, 0x80), b(0xff), b(0xff, 0x00), b(0xff, 0xff), b(0xff, 0xff, 0xff))) {
            batch.put("p", key, b(1));
        }
        batch.commit();
        assertThat(keysOf(store.scanPrefix("p", b(0x01)))).containsExactly("01", "0100", "01ff", "01ff05");
        assertThat(keysOf(store.scanPrefix("p", b(0x01, 0xff)))).containsExactly("01ff", "01ff05");
        assertThat(keysOf(store.scanPrefix("p", b(0x80)))).containsExactly("80", "8080");
        assertThat(keysOf(store.scanPrefix("p", b(0x7f)))).containsExactly("7f01");
        // 0xff prefixes have an open end
        assertThat(keysOf(store.scanPrefix("p", b(0xff)))).containsExactly("ff", "ff00", "ffff", "ffffff");
        assertThat(keysOf(store.scanPrefix("p", b(0xff, 0xff)))).containsExactly("ffff", "ffffff");
        assertThat(keysOf(store.scanPrefix("p", b()))).hasSize(12);
        assertThat(keysOf(store.scanPrefix("p", b(0x03)))).isEmpty();
    }

    @Test
    void rangeScansMatchAModelInBothDirectionsAcrossPages() {
        Random random = new Random(42);
        TreeMap<byte[], byte[]> model = new TreeMap<>(Keys::compare);
        WriteBatch batch = store.newBatch();
        for (int i = 0; i < 300; i++) {
            byte[] key = new byte[1 + random.nextInt(3)];
            random.nextBytes(key);
            byte[] value = new byte[random.nextInt(5)];
            random.nextBytes(value);
            batch.put("r", key, value);
            model.put(key, value);
        }
        batch.commit();
        List<byte[]> bounds = new ArrayList<>(model.keySet());
        bounds.add(b());
        bounds.add(b(0x00));
        bounds.add(b(0x80));
        bounds.add(b(0xff, 0xff, 0xff, 0xff));
        for (int i = 0; i < 400; i++) {
            byte[] from = random.nextInt(5) == 0 ? null : bounds.get(random.nextInt(bounds.size()));
            byte[] to = random.nextInt(5) == 0 ? null : bounds.get(random.nextInt(bounds.size()));
            boolean descending = random.nextBoolean();
            assertThat(drain(store.scan("r", from, to, descending)))
                    .as("scan [%s, %s) desc=%s", from == null ? "-" : Bytes.hex(from), to == null ? "-" : Bytes.hex(to),
                            descending)
                    .containsExactlyElementsOf(expected(model, from, to, descending));
        }
    }

    @Test
    void boundsAreInclusiveFromExclusiveTo() {
        WriteBatch batch = store.newBatch();
        for (int i = 1; i <= 5; i++) {
            batch.put("n", b(i), b(i));
        }
        batch.commit();
        assertThat(keysOf(store.scan("n", b(2), b(4), false))).containsExactly("02", "03");
        assertThat(keysOf(store.scan("n", b(2), b(4), true))).containsExactly("03", "02");
        assertThat(keysOf(store.scan("n", null, b(3), true))).containsExactly("02", "01");
        assertThat(keysOf(store.scan("n", b(4), null, true))).containsExactly("05", "04");
        assertThat(keysOf(store.scan("n", b(3), b(3), false))).isEmpty();
        assertThat(keysOf(store.scan("n", b(4), b(2), false))).isEmpty();
        assertThat(keysOf(store.scan("n", b(4), b(2), true))).isEmpty();
    }

    @Test
    void reopenKeepsDataAndSequence() {
        store.newBatch().put("a", s("k1"), s("v1")).put("b", s("k2"), s("v2")).commit();
        store.newBatch().delete("a", s("k1")).put("a", s("k3"), s("v3")).commit();
        store.close();
        store = new MapDbStore(StoreSettings.of(dir));
        assertThat(store.sequence()).isEqualTo(2);
        assertThat(store.get("a", s("k1"))).isNull();
        assertThat(str(store.get("a", s("k3")))).isEqualTo("v3");
        assertThat(str(store.get("b", s("k2")))).isEqualTo("v2");
        store.newBatch().put("c", s("k"), s("v")).commit();
        assertThat(store.sequence()).isEqualTo(3);
        // and in FileChannel mode the same file reads the same
        store.close();
        store = new MapDbStore(StoreSettings.of(dir).withMmap(false));
        assertThat(str(store.get("c", s("k")))).isEqualTo("v");
        assertThat(store.namespaceSizes()).containsOnlyKeys("a", "b", "c");
    }

    @Test
    void aSecondStoreOnTheSameFileIsRefused() {
        assertThatThrownBy(() -> new MapDbStore(StoreSettings.of(dir))).isInstanceOf(StoreException.class)
                .hasMessageContaining("in use");
    }

    @Test
    void callsAfterCloseFailWithStoreIsClosed() {
        put("a", s("k"), s("v"));
        WriteBatch pending = store.newBatch().put("a", s("x"), s("y"));
        StoreSnapshot snapshot = store.snapshot();
        Iterator<KeyValue> scan = store.scan("a", null, null, false);
        store.close();
        store.close(); // idempotent
        assertThatThrownBy(() -> store.get("a", s("k"))).isInstanceOf(StoreException.class).hasMessage("store is closed");
        assertThatThrownBy(() -> store.scan("a", null, null, false)).isInstanceOf(StoreException.class)
                .hasMessage("store is closed");
        assertThatThrownBy(scan::hasNext).isInstanceOf(StoreException.class).hasMessage("store is closed");
        assertThatThrownBy(store::newBatch).isInstanceOf(StoreException.class).hasMessage("store is closed");
        assertThatThrownBy(store::snapshot).isInstanceOf(StoreException.class).hasMessage("store is closed");
        assertThatThrownBy(store::sequence).isInstanceOf(StoreException.class).hasMessage("store is closed");
        assertThatThrownBy(pending::commit).isInstanceOf(StoreException.class).hasMessage("store is closed");
        assertThatThrownBy(() -> pending.get("a", s("k"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> snapshot.get("a", s("k"))).isInstanceOf(StoreException.class)
                .hasMessage("store is closed");
        assertThatThrownBy(() -> snapshot.scan("a", null, null, false).hasNext()).isInstanceOf(StoreException.class)
                .hasMessage("store is closed");
        snapshot.close();
        assertThatThrownBy(() -> store.newBatch().commit()).isInstanceOf(StoreException.class);
    }

    @Test
    void closeWaitsForAnInFlightCommit() throws Exception {
        java.util.concurrent.CountDownLatch inCommit = new java.util.concurrent.CountDownLatch(1);
        store.beforeDbCommit = () -> {
            inCommit.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread committer = new Thread(() -> {
            try {
                store.newBatch().put("a", s("k"), s("v")).commit();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        committer.start();
        assertThat(inCommit.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        store.close(); // blocks until the commit is done
        assertThat(committer.isAlive()).isFalse();
        committer.join();
        assertThat(failure.get()).isNull();
        store = new MapDbStore(StoreSettings.of(dir));
        assertThat(str(store.get("a", s("k")))).isEqualTo("v");
        assertThat(store.sequence()).isEqualTo(1);
    }

    /** An interrupted caller must not break the store (FileChannel closes itself on interrupt). */
    @Test
    void interruptedCallersNeitherBreakTheStoreNorLoseTheirInterrupt() throws Exception {
        put("a", s("k"), s("v0"));
        Thread.currentThread().interrupt();
        try {
            store.newBatch().put("a", s("k"), s("v1")).commit();
            assertThat(str(store.get("a", s("k")))).isEqualTo("v1");
            assertThat(keysOf(store.scan("a", null, null, false))).hasSize(1);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }

        // interrupted while its commit is in progress
        java.util.concurrent.CountDownLatch inCommit = new java.util.concurrent.CountDownLatch(1);
        store.beforeDbCommit = () -> {
            inCommit.countDown();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError("the writer thread was interrupted");
            }
        };
        java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Thread committer = new Thread(() -> {
            try {
                store.newBatch().put("a", s("k"), s("v2")).commit();
                outcome.set(Thread.currentThread().isInterrupted());
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        committer.start();
        assertThat(inCommit.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        committer.interrupt();
        committer.join(10_000);
        store.beforeDbCommit = null;
        assertThat(outcome.get()).isEqualTo(Boolean.TRUE);
        assertThat(str(store.get("a", s("k")))).isEqualTo("v2");
        store.newBatch().put("a", s("k"), s("v3")).commit();
        store.close();
        store = new MapDbStore(StoreSettings.of(dir));
        assertThat(str(store.get("a", s("k")))).isEqualTo("v3");
    }

    @Test
    void largeValuesRoundTrip() {
        byte[] big = new byte[8 * 1024 * 1024 + 3];
        new Random(9).nextBytes(big);
        store.newBatch().put("blobs", s("segment"), big).put("blobs", s("small"), s("x")).commit();
        assertThat(store.get("blobs", s("segment"))).isEqualTo(big);
        store.close();
        store = new MapDbStore(StoreSettings.of(dir));
        assertThat(store.get("blobs", s("segment"))).isEqualTo(big);
        assertThatThrownBy(() -> store.newBatch().put("blobs", s("huge"), new byte[Bytes.MAX_VALUE_SIZE + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the limit");
    }

    @Test
    void emptyBatchCommitsWithoutTouchingTheFile() throws Exception {
        put("a", s("k"), s("v"));
        Path file = dir.resolve(StoreSettings.FILE_NAME);
        FileTime modified = Files.getLastModifiedTime(file);
        Thread.sleep(20);
        WriteBatch empty = store.newBatch();
        assertThat(empty.size()).isZero();
        empty.commit();
        assertThat(store.sequence()).isEqualTo(1);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        assertThat(metrics()).containsEntry("zgnode_store_commits_total", 1.0);
        assertThatThrownBy(empty::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void deletesOnlyInAMissingNamespaceCommitWithoutCreatingIt() {
        store.newBatch().delete("ghost", s("k")).commit();
        assertThat(store.sequence()).isEqualTo(1);
        assertThat(store.namespaceSizes()).isEmpty();
    }

    @Test
    void arraysAreCopiedInAndOut() {
        byte[] key = s("key");
        byte[] value = s("value");
        WriteBatch batch = store.newBatch().put("a", key, value);
        key[0] = 'X';
        value[0] = 'X';
        byte[] pending = batch.get("a", s("key"));
        pending[1] = 'X';
        batch.commit();
        assertThat(str(store.get("a", s("key")))).isEqualTo("value");
        byte[] read = store.get("a", s("key"));
        read[0] = 'Y';
        assertThat(str(store.get("a", s("key")))).isEqualTo("value");
        KeyValue scanned = store.scan("a", null, null, false).next();
        scanned.key()[0] = 'Y';
        scanned.value()[0] = 'Y';
        assertThat(str(store.scan("a", null, null, false).next().value())).isEqualTo("value");
        try (StoreSnapshot snapshot = store.snapshot()) {
            store.newBatch().put("a", s("key"), s("later")).commit();
            snapshot.get("a", s("key"))[0] = 'Z';
            snapshot.scan("a", null, null, false).next().value()[1] = 'Z';
            assertThat(str(snapshot.get("a", s("key")))).isEqualTo("value");
        }
    }

    @Test
    void metricsReportCommitsBytesSnapshotsAndFileSize() {
        store.newBatch().put("a", s("k1"), s("value")).put("a", s("k2"), s("v")).delete("a", s("k3")).commit();
        try (StoreSnapshot snapshot = store.snapshot()) {
            Map<String, Double> m = metrics();
            assertThat(m).containsEntry("zgnode_store_commits_total", 1.0)
                    .containsEntry("zgnode_store_puts_total", 2.0)
                    .containsEntry("zgnode_store_deletes_total", 1.0)
                    .containsEntry("zgnode_store_bytes_written_total", 10.0)
                    .containsEntry("zgnode_store_open_snapshots", 1.0)
                    .containsEntry("zgnode_store_sequence", 1.0)
                    .containsEntry("zgnode_store_namespaces", 1.0);
            assertThat(m.get("zgnode_store_file_size_bytes")).isPositive();
        }
        assertThat(metrics()).containsEntry("zgnode_store_open_snapshots", 0.0);
    }

    private Map<String, Double> metrics() {
        Map<String, Double> values = new HashMap<>();
        store.collect(new MetricWriter() {
            @Override
            public void counter(String name, String help, long value, String... labels) {
                assertThat(name).matches("zgnode_[a-z_]+");
                assertThat(help).isNotBlank();
                values.put(name, (double) value);
            }

            @Override
            public void gauge(String name, String help, double value, String... labels) {
                assertThat(name).matches("zgnode_[a-z_]+");
                values.put(name, value);
            }
        });
        return values;
    }
}
