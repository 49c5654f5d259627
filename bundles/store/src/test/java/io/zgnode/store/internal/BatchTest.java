package io.zgnode.store.internal;

import static io.zgnode.store.internal.TestData.b;
import static io.zgnode.store.internal.TestData.drain;
import static io.zgnode.store.internal.TestData.expected;
import static io.zgnode.store.internal.TestData.keysOf;
import static io.zgnode.store.internal.TestData.s;
import static io.zgnode.store.internal.TestData.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.store.KeyValue;
import io.zgnode.api.store.Keys;
import io.zgnode.api.store.StoreException;
import io.zgnode.api.store.StoreSnapshot;
import io.zgnode.api.store.WriteBatch;

class BatchTest {

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

    @Test
    void pointReadsSeeThePendingWritesOverTheCommittedState() {
        store.newBatch().put("a", s("kept"), s("c1")).put("a", s("deleted"), s("c2")).put("a", s("over"), s("c3"))
                .commit();
        WriteBatch batch = store.newBatch();
        batch.put("a", s("new"), s("p1")).delete("a", s("deleted")).put("a", s("over"), s("p3"));
        assertThat(str(batch.get("a", s("kept")))).isEqualTo("c1");
        assertThat(str(batch.get("a", s("new")))).isEqualTo("p1");
        assertThat(batch.get("a", s("deleted"))).isNull();
        assertThat(batch.contains("a", s("deleted"))).isFalse();
        assertThat(str(batch.get("a", s("over")))).isEqualTo("p3");
        // delete then put again, put then delete
        batch.put("a", s("deleted"), s("back")).put("a", s("gone"), s("x")).delete("a", s("gone"));
        assertThat(str(batch.get("a", s("deleted")))).isEqualTo("back");
        assertThat(batch.get("a", s("gone"))).isNull();
        assertThat(batch.size()).isEqualTo(4);
        // nothing is visible outside the batch before commit
        assertThat(store.get("a", s("new"))).isNull();
        assertThat(str(store.get("a", s("over")))).isEqualTo("c3");
        batch.commit();
        assertThat(str(store.get("a", s("new")))).isEqualTo("p1");
        assertThat(str(store.get("a", s("deleted")))).isEqualTo("back");
        assertThat(store.get("a", s("gone"))).isNull();
        assertThat(str(store.get("a", s("over")))).isEqualTo("p3");
    }

    @Test
    void scansMergePendingWritesInBothDirections() {
        store.newBatch().put("a", b(1), b(1)).put("a", b(3), b(3)).put("a", b(5), b(5)).put("a", b(7), b(7)).commit();
        WriteBatch batch = store.newBatch();
        batch.put("a", b(2), b(2)).delete("a", b(3)).put("a", b(5), b(55)).put("a", b(8), b(8)).delete("a", b(9));
        assertThat(drain(batch.scan("a", null, null, false)))
                .containsExactly("01=01", "02=02", "05=37", "07=07", "08=08");
        assertThat(drain(batch.scan("a", null, null, true)))
                .containsExactly("08=08", "07=07", "05=37", "02=02", "01=01");
        assertThat(keysOf(batch.scan("a", b(2), b(7), false))).containsExactly("02", "05");
        assertThat(keysOf(batch.scan("a", b(2), b(7), true))).containsExactly("05", "02");
        assertThat(keysOf(batch.scanPrefix("a", b(8)))).containsExactly("08");
        assertThat(keysOf(batch.scan("other", null, null, false))).isEmpty();
        batch.put("other", b(1), b(1));
        assertThat(keysOf(batch.scan("other", null, null, true))).containsExactly("01");
    }

    @Test
    void writingWhileIteratingABatchScanDoesNotFail() {
        WriteBatch batch = store.newBatch();
        for (int i = 0; i < 10; i++) {
            batch.put("a", b(i), b(i));
        }
        Iterator<KeyValue> it = batch.scan("a", null, null, false);
        int seen = 0;
        while (it.hasNext()) {
            KeyValue kv = it.next();
            batch.put("a", kv.key(), b(0xee));
            seen++;
        }
        assertThat(seen).isEqualTo(10);
    }

    /** Random batches against a model: reads through the batch must match model + pending. */
    @Test
    void batchReadsMatchAModelUnderRandomOperations() {
        Random random = new Random(3);
        TreeMap<byte[], byte[]> committed = new TreeMap<>(Keys::compare);
        for (int round = 0; round < 30; round++) {
            TreeMap<byte[], byte[]> view = new TreeMap<>(committed);
            WriteBatch batch = store.newBatch();
            int ops = 1 + random.nextInt(60);
            for (int i = 0; i < ops; i++) {
                byte[] key = randomKey(random);
                if (random.nextInt(3) == 0) {
                    batch.delete("m", key);
                    view.remove(key);
                } else {
                    byte[] value = new byte[random.nextInt(4)];
                    random.nextBytes(value);
                    batch.put("m", key, value);
                    view.put(key, value);
                }
            }
            for (int i = 0; i < 20; i++) {
                byte[] from = random.nextInt(4) == 0 ? null : randomKey(random);
                byte[] to = random.nextInt(4) == 0 ? null : randomKey(random);
                boolean descending = random.nextBoolean();
                assertThat(drain(batch.scan("m", from, to, descending)))
                        .containsExactlyElementsOf(expected(view, from, to, descending));
                byte[] key = randomKey(random);
                assertThat(batch.get("m", key)).isEqualTo(view.get(key));
            }
            if (random.nextInt(4) == 0) {
                batch.close(); // discarded
                assertThat(drain(store.scan("m", null, null, false)))
                        .containsExactlyElementsOf(expected(committed, null, null, false));
            } else {
                batch.commit();
                committed = view;
                boolean descending = random.nextBoolean();
                assertThat(drain(store.scan("m", null, null, descending)))
                        .containsExactlyElementsOf(expected(committed, null, null, descending));
            }
        }
    }

    private static byte[] randomKey(Random random) {
        byte[] key = new byte[random.nextInt(3)];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (random.nextInt(6) * 51); // 0x00, 0x33, ... 0xff: dense enough to collide
        }
        return key;
    }

    @Test
    void aFailingCommitLeavesNothingApplied() {
        store.newBatch().put("a", s("k1"), s("old")).put("a", s("k2"), s("old")).commit();
        try (StoreSnapshot snapshot = store.snapshot()) {
            WriteBatch batch = store.newBatch();
            for (int i = 0; i < 1000; i++) {
                batch.put("a", Keys.ofLong(i), s("new"));
            }
            batch.put("a", s("k1"), s("new")).delete("a", s("k2")).put("fresh", s("x"), s("y"));
            store.beforeDbCommit = () -> {
                throw new IllegalStateException("disk on fire");
            };
            assertThatThrownBy(batch::commit).isInstanceOf(StoreException.class)
                    .hasMessageContaining("nothing was applied").hasMessageContaining("disk on fire");
            store.beforeDbCommit = null;

            assertThat(store.sequence()).isEqualTo(1);
            assertThat(str(store.get("a", s("k1")))).isEqualTo("old");
            assertThat(str(store.get("a", s("k2")))).isEqualTo("old");
            assertThat(store.get("a", Keys.ofLong(5))).isNull();
            assertThat(store.get("fresh", s("x"))).isNull();
            assertThat(keysOf(store.scan("a", null, null, false))).hasSize(2);
            assertThat(keysOf(snapshot.scan("a", null, null, false))).hasSize(2);
            assertThat(str(snapshot.get("a", s("k2")))).isEqualTo("old");
            // a failed batch is finished
            assertThatThrownBy(batch::commit).isInstanceOf(IllegalStateException.class);

            // the store goes on working, and the snapshot stays right
            store.newBatch().delete("a", s("k1")).commit();
            assertThat(store.sequence()).isEqualTo(2);
            assertThat(str(snapshot.get("a", s("k1")))).isEqualTo("old");
        }
        store.close();
        store = new MapDbStore(StoreSettings.of(dir));
        assertThat(store.sequence()).isEqualTo(2);
        assertThat(store.get("a", s("k1"))).isNull();
        assertThat(str(store.get("a", s("k2")))).isEqualTo("old");
        assertThat(store.get("a", Keys.ofLong(5))).isNull();
        assertThat(store.get("fresh", s("x"))).isNull();
    }

    @Test
    void nullsAndInvalidNamesAreRejectedWithClearMessages() {
        WriteBatch batch = store.newBatch();
        assertThatThrownBy(() -> batch.put(null, s("k"), s("v"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("namespace must not be null");
        assertThatThrownBy(() -> batch.put("a", null, s("v"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key must not be null");
        assertThatThrownBy(() -> batch.put("a", s("k"), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("value must not be null");
        assertThatThrownBy(() -> batch.delete("a", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key must not be null");
        assertThatThrownBy(() -> batch.put("", s("k"), s("v"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid namespace");
        assertThatThrownBy(() -> batch.put("a#b", s("k"), s("v"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid namespace 'a#b'");
        assertThatThrownBy(() -> batch.put("a", new byte[Bytes.MAX_KEY_SIZE + 1], s("v")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the limit");
        assertThatThrownBy(() -> store.get(null, s("k"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("namespace must not be null");
        assertThatThrownBy(() -> store.get("a", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key must not be null");
        assertThatThrownBy(() -> store.scan(null, null, null, false)).isInstanceOf(IllegalArgumentException.class);
        try (StoreSnapshot snapshot = store.snapshot()) {
            assertThatThrownBy(() -> snapshot.get("a", null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("key must not be null");
        }
        assertThat(batch.size()).isZero();
        assertThat(store.sequence()).isZero();
    }

    @Test
    void aBatchCommitsOnceAndIsUnusableAfterCloseOrCommit() {
        WriteBatch batch = store.newBatch().put("a", s("k"), s("v"));
        batch.commit();
        assertThatThrownBy(batch::commit).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already committed");
        assertThatThrownBy(() -> batch.put("a", s("k2"), s("v"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> batch.delete("a", s("k"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> batch.get("a", s("k"))).isInstanceOf(IllegalStateException.class);
        batch.close(); // harmless after commit

        WriteBatch discarded = store.newBatch().put("a", s("x"), s("y"));
        discarded.close();
        assertThatThrownBy(discarded::commit).isInstanceOf(IllegalStateException.class).hasMessage("batch is closed");
        assertThat(store.get("a", s("x"))).isNull();
        assertThat(store.sequence()).isEqualTo(1);

        try (WriteBatch auto = store.newBatch()) {
            auto.put("a", s("z"), s("z"));
        }
        assertThat(store.get("a", s("z"))).isNull();
    }

    @Test
    void largeBatchCommitsAtomically() {
        WriteBatch batch = store.newBatch();
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] key = Keys.concat(s("acct/"), Keys.ofLong(i * 7919L % 20_000));
            keys.add(key);
            batch.put("big", key, Keys.ofLong(i));
        }
        assertThat(batch.size()).isEqualTo(20_000);
        batch.commit();
        assertThat(keysOf(store.scanPrefix("big", s("acct/")))).hasSize(20_000);
        assertThat(store.namespaceSizes()).containsEntry("big", 20_000L);
    }
}
