package io.zgnode.statetree;

import static io.zgnode.statetree.Reference.keyOf;
import static io.zgnode.statetree.Reference.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.store.StoreSnapshot;
import io.zgnode.api.store.WriteBatch;
import io.zgnode.store.internal.MapDbStore;

class CacheAndThreadsTest {

    @TempDir
    Path dir;

    private MapDbStore store;

    @BeforeEach
    void open() {
        store = TestStores.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyCacheSizeGivesTheSameTreeAlsoAcrossDiscardedBatches() {
        int[] sizes = {0, 1, 2, 20, 40, 300, StateTree.DEFAULT_CACHED_NODES, 200_000};
        List<StateTree> trees = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            trees.add(new StateTree("t" + i, sizes[i]));
        }
        Random random = new Random(11);
        NavigableMap<Hash, Hash> model = new TreeMap<>();
        for (int block = 0; block < 40; block++) {
            SortedMap<Hash, Hash> changes = new TreeMap<>();
            for (int i = 0; i < 1 + random.nextInt(150); i++) {
                changes.put(keyOf(random.nextInt(1500)), random.nextInt(4) == 0 ? null : value("b" + block + "i" + i));
            }
            boolean discard = random.nextInt(3) == 0;
            if (!discard) {
                changes.forEach((k, v) -> {
                    if (v == null) {
                        model.remove(k);
                    } else {
                        model.put(k, v);
                    }
                });
            }
            try (WriteBatch batch = store.newBatch()) {
                for (StateTree tree : trees) {
                    tree.update(batch, changes);
                }
                if (!discard) {
                    batch.commit();
                }
            }
            Hash expected = Reference.root(model);
            for (StateTree tree : trees) {
                assertThat(tree.root(store)).as("block %d, %s", block, tree.namespace()).isEqualTo(expected);
            }
            for (int i = 0; i < 30; i++) {
                Hash k = keyOf(random.nextInt(1600));
                for (StateTree tree : trees) {
                    assertThat(tree.get(store, k)).isEqualTo(model.get(k));
                    assertThat(StateTree.verify(expected, k, model.get(k), tree.prove(store, k))).isTrue();
                }
            }
        }
        assertThat(trees.get(0).cachedNodes()).isZero();
        assertThat(trees.get(1).cachedNodes()).isLessThanOrEqualTo(1);
        assertThat(trees.get(3).cachedNodes()).isLessThanOrEqualTo(20);
        assertThat(trees.get(5).cachedNodes()).isLessThanOrEqualTo(300);
        trees.get(6).clearCache();
        assertThat(trees.get(6).cachedNodes()).isZero();
        assertThat(trees.get(6).root(store)).isEqualTo(Reference.root(model));
    }

    @Test
    void readersProveFromSnapshotsWhileTheWriterCommits() throws Exception {
        StateTree tree = new StateTree(StateTree.DEFAULT_NAMESPACE, 200);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger proofs = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            int seed = r;
            Thread reader = new Thread(() -> {
                Random random = new Random(seed);
                try {
                    while (!done.get()) {
                        try (StoreSnapshot snapshot = store.snapshot()) {
                            Hash root = tree.root(snapshot);
                            for (int i = 0; i < 20; i++) {
                                Hash k = keyOf(random.nextInt(3000));
                                Proof proof = Proof.fromBytes(tree.prove(snapshot, k).toBytes());
                                Hash value = tree.get(snapshot, k);
                                if (!StateTree.verify(root, k, value, proof)) {
                                    throw new AssertionError("proof of " + k + " does not hold under " + root);
                                }
                                proofs.incrementAndGet();
                            }
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }, "reader-" + r);
            reader.start();
            readers.add(reader);
        }
        Random random = new Random(5);
        NavigableMap<Hash, Hash> model = new TreeMap<>();
        try {
            for (int block = 0; block < 40; block++) {
                SortedMap<Hash, Hash> changes = new TreeMap<>();
                for (int i = 0; i < 200; i++) {
                    changes.put(keyOf(random.nextInt(3000)), random.nextInt(5) == 0 ? null : value("w" + block + "-" + i));
                }
                NavigableMap<Hash, Hash> next = new TreeMap<>(model);
                changes.forEach((k, v) -> {
                    if (v == null) {
                        next.remove(k);
                    } else {
                        next.put(k, v);
                    }
                });
                try (WriteBatch batch = store.newBatch()) {
                    assertThat(tree.update(batch, changes)).isEqualTo(Reference.root(next));
                    if (block % 4 == 3) {
                        continue; // discarded
                    }
                    batch.commit();
                    model = next;
                }
            }
            assertThat(tree.root(store)).isEqualTo(Reference.root(model));
        } finally {
            done.set(true);
            for (Thread reader : readers) {
                reader.join(30_000);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(proofs.get()).isPositive();
    }
}
