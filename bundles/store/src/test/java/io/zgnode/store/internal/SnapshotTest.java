package io.zgnode.store.internal;

import static io.zgnode.store.internal.TestData.b;
import static io.zgnode.store.internal.TestData.drain;
import static io.zgnode.store.internal.TestData.expected;
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
import io.zgnode.api.store.StoreSnapshot;
import io.zgnode.api.store.WriteBatch;

class SnapshotTest {

    private static final int PAGE = 16;

    @TempDir
    Path dir;

    private MapDbStore store;

    @BeforeEach
    void open() {
        store = new MapDbStore(StoreSettings.of(dir).withPageSize(PAGE));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSnapshotIsUnaffectedByLaterPutsOverwritesDeletesAndNewKeys() {
        store.newBatch().put("a", b(1), s("one")).put("a", b(3), s("three")).put("a", b(5), s("five")).commit();
        try (StoreSnapshot snapshot = store.snapshot()) {
            assertThat(snapshot.sequence()).isEqualTo(1);
            store.newBatch().put("a", b(3), s("THREE")).delete("a", b(5)).put("a", b(2), s("two"))
                    .put("a", b(4), s("four")).put("a", b(9), s("nine")).put("b", b(1), s("other ns")).commit();
            store.newBatch().delete("a", b(1)).put("a", b(5), s("FIVE again")).put("a", b(0), s("zero")).commit();

            assertThat(str(snapshot.get("a", b(1)))).isEqualTo("one");
            assertThat(snapshot.get("a", b(2))).isNull();
            assertThat(str(snapshot.get("a", b(3)))).isEqualTo("three");
            assertThat(snapshot.get("a", b(4))).isNull();
            assertThat(str(snapshot.get("a", b(5)))).isEqualTo("five");
            assertThat(snapshot.get("b", b(1))).isNull();
            List<String> expectedScan = List.of("01=" + Bytes.hex(s("one")), "03=" + Bytes.hex(s("three")),
                    "05=" + Bytes.hex(s("five")));
            assertThat(drain(snapshot.scan("a", null, null, false))).containsExactlyElementsOf(expectedScan);
            assertThat(drain(snapshot.scan("a", null, null, true))).containsExactlyElementsOf(reverse(expectedScan));
            assertThat(drain(snapshot.scan("a", b(2), b(5), false))).containsExactly("03=" + Bytes.hex(s("three")));
            assertThat(drain(snapshot.scan("b", null, null, false))).isEmpty();
            assertThat(drain(snapshot.scanPrefix("a", b(5)))).containsExactly("05=" + Bytes.hex(s("five")));

            // the live store has moved on
            assertThat(store.sequence()).isEqualTo(3);
            assertThat(TestData.keysOf(store.scan("a", null, null, false))).containsExactly("00", "02", "03", "04", "05",
                    "09");
        }
    }

    @Test
    void snapshotsAtDifferentSequencesEachSeeTheirOwnState() {
        store.newBatch().put("a", s("k"), s("v1")).commit();
        StoreSnapshot s1 = store.snapshot();
        store.newBatch().put("a", s("k"), s("v2")).commit();
        StoreSnapshot s2 = store.snapshot();
        store.newBatch().delete("a", s("k")).commit();
        StoreSnapshot s3 = store.snapshot();
        store.newBatch().put("a", s("k"), s("v4")).commit();
        assertThat(str(s1.get("a", s("k")))).isEqualTo("v1");
        assertThat(str(s2.get("a", s("k")))).isEqualTo("v2");
        assertThat(s3.get("a", s("k"))).isNull();
        assertThat(str(store.get("a", s("k")))).isEqualTo("v4");
        assertThat(List.of(s1.sequence(), s2.sequence(), s3.sequence())).containsExactly(1L, 2L, 3L);
        assertThat(store.openSnapshots()).isEqualTo(3);
        s2.close();
        s2.close();
        assertThat(store.openSnapshots()).isEqualTo(2);
        assertThatThrownBy(() -> s2.get("a", s("k"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("snapshot is closed");
        assertThatThrownBy(() -> s2.scan("a", null, null, false)).isInstanceOf(IllegalStateException.class);
        s1.close();
        s3.close();
        assertThat(store.openSnapshots()).isZero();
    }

    @Test
    void aScanInProgressKeepsShowingTheSnapshotWhileCommitsChangeEveryPage() {
        TreeMap<byte[], byte[]> model = new TreeMap<>(Keys::compare);
        WriteBatch init = store.newBatch();
        for (int i = 0; i < 200; i++) {
            init.put("a", Keys.ofLong(i * 10L), Keys.ofLong(i));
            model.put(Keys.ofLong(i * 10L), Keys.ofLong(i));
        }
        init.commit();
        Random random = new Random(5);
        for (boolean descending : new boolean[] {false, true}) {
            try (StoreSnapshot snapshot = store.snapshot()) {
                List<String> seen = new ArrayList<>();
                Iterator<KeyValue> it = snapshot.scan("a", null, null, descending);
                int step = 0;
                while (it.hasNext()) {
                    KeyValue kv = it.next();
                    seen.add(Bytes.hex(kv.key()) + "=" + Bytes.hex(kv.value()));
                    if (++step % 7 == 0) {
                        // delete many keys (more than a page of overlay), insert between, overwrite
                        WriteBatch batch = store.newBatch();
                        for (int j = 0; j < 40; j++) {
                            long k = random.nextInt(2000);
                            switch (random.nextInt(3)) {
                                case 0 -> batch.delete("a", Keys.ofLong(k));
                                case 1 -> batch.put("a", Keys.ofLong(k), s("new"));
                                default -> batch.put("a", Keys.ofLong(k + 5), s("between"));
                            }
                        }
                        batch.commit();
                    }
                }
                assertThat(seen).containsExactlyElementsOf(expected(model, null, null, descending));
                // and a fresh scan of the same snapshot after all those commits
                assertThat(drain(snapshot.scan("a", Keys.ofLong(300), Keys.ofLong(1500), descending)))
                        .containsExactlyElementsOf(expected(model, Keys.ofLong(300), Keys.ofLong(1500), descending));
            }
            model.clear();
            // the live state becomes the model of the next round
            store.scan("a", null, null, false).forEachRemaining(kv -> model.put(kv.key(), kv.value()));
        }
    }

    /** Many snapshots at random points, random commits: every snapshot matches its model copy. */
    @Test
    void randomCommitsAgainstManySnapshots() {
        Random random = new Random(11);
        TreeMap<byte[], byte[]> live = new TreeMap<>(Keys::compare);
        List<StoreSnapshot> snapshots = new ArrayList<>();
        List<TreeMap<byte[], byte[]>> models = new ArrayList<>();
        for (int round = 0; round < 60; round++) {
            WriteBatch batch = store.newBatch();
            for (int i = 0; i < 1 + random.nextInt(50); i++) {
                byte[] key = Keys.ofLong(random.nextInt(120));
                if (random.nextInt(3) == 0) {
                    batch.delete("r", key);
                    live.remove(key);
                } else {
                    byte[] value = Keys.ofLong(random.nextLong());
                    batch.put("r", key, value);
                    live.put(key, value);
                }
            }
            batch.commit();
            if (random.nextInt(4) == 0) {
                snapshots.add(store.snapshot());
                models.add(new TreeMap<>(live));
            }
            if (!snapshots.isEmpty() && random.nextInt(8) == 0) {
                int i = random.nextInt(snapshots.size());
                snapshots.remove(i).close();
                models.remove(i);
            }
            for (int i = 0; i < snapshots.size(); i++) {
                byte[] from = random.nextBoolean() ? null : Keys.ofLong(random.nextInt(120));
                byte[] to = random.nextBoolean() ? null : Keys.ofLong(random.nextInt(120));
                boolean descending = random.nextBoolean();
                assertThat(drain(snapshots.get(i).scan("r", from, to, descending)))
                        .containsExactlyElementsOf(expected(models.get(i), from, to, descending));
                byte[] key = Keys.ofLong(random.nextInt(120));
                assertThat(snapshots.get(i).get("r", key)).isEqualTo(models.get(i).get(key));
            }
        }
        assertThat(store.openSnapshots()).isEqualTo(snapshots.size());
        snapshots.forEach(StoreSnapshot::close);
        assertThat(store.openSnapshots()).isZero();
    }

    @Test
    void anUnclosedSnapshotThatIsCollectedIsDroppedAtTheNextCommit() throws Exception {
        store.newBatch().put("a", s("k"), s("v")).commit();
        leakSnapshot();
        assertThat(store.openSnapshots()).isEqualTo(1);
        for (int i = 0; i < 100 && store.openSnapshots() > 0; i++) {
            System.gc();
            Thread.sleep(10);
            store.newBatch().put("a", s("k"), Keys.ofLong(i)).commit();
        }
        assertThat(store.openSnapshots()).isZero();
    }

    private void leakSnapshot() {
        store.snapshot().get("a", s("k"));
    }

    @Test
    void aSnapshotOfAnEmptyStoreStaysEmpty() {
        try (StoreSnapshot snapshot = store.snapshot()) {
            store.newBatch().put("new", s("k"), s("v")).commit();
            assertThat(snapshot.get("new", s("k"))).isNull();
            assertThat(drain(snapshot.scan("new", null, null, false))).isEmpty();
            assertThat(snapshot.sequence()).isZero();
        }
    }

    private static List<String> reverse(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
