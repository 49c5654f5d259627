package io.zgnode.statetree;

import static io.zgnode.statetree.Reference.keyOf;
import static io.zgnode.statetree.Reference.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.store.KeyValue;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.api.store.StoreReader;
import io.zgnode.api.store.WriteBatch;
import io.zgnode.store.internal.MapDbStore;

class UpdateTest {

    @TempDir
    Path dir;

    private MapDbStore store;
    private final List<MapDbStore> others = new ArrayList<>();

    @BeforeEach
    void open() {
        store = TestStores.open(dir.resolve("main"));
    }

    @AfterEach
    void close() {
        store.close();
        others.forEach(MapDbStore::close);
    }

    private MapDbStore another(String name) {
        MapDbStore other = TestStores.open(dir.resolve(name));
        others.add(other);
        return other;
    }

    static Hash commit(KeyValueStore store, StateTree tree, SortedMap<Hash, Hash> changes) {
        try (WriteBatch batch = store.newBatch()) {
            Hash root = tree.update(batch, changes);
            batch.commit();
            return root;
        }
    }

    /** The namespace's entries as "key=value" hex lines. */
    static List<String> contents(StoreReader reader, String namespace) {
        List<String> out = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        for (Iterator<KeyValue> it = reader.scan(namespace, null, null, false); it.hasNext();) {
            KeyValue kv = it.next();
            out.add(hex.formatHex(kv.key()) + "=" + hex.formatHex(kv.value()));
        }
        return out;
    }

    /** Keys from a small pool with long shared prefixes and from hashes, so that every depth is reached. */
    static List<Hash> keyPool(int hashed) {
        List<Hash> keys = new ArrayList<>();
        for (int i = 0; i < hashed; i++) {
            keys.add(keyOf(i));
        }
        byte[] base = keyOf(-1).toArray();
        for (int bit : new int[] {3, 4, 5, 17, 63, 64, 100, 128, 200, 254, 255}) {
            byte[] k = base.clone();
            k[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            keys.add(Hash.of(k));
        }
        keys.add(Hash.of(base));
        keys.add(Hash.ZERO);
        keys.add(Hash.of("ff".repeat(32)));
        return keys;
    }

    @Test
    void randomBlocksMatchTheDefinitionAndAFromScratchBuild() {
        Random random = new Random(42);
        List<Hash> pool = keyPool(400);
        StateTree tree = new StateTree();
        NavigableMap<Hash, Hash> model = new TreeMap<>();
        for (int block = 0; block < 60; block++) {
            SortedMap<Hash, Hash> changes = new TreeMap<>();
            int n = 1 + random.nextInt(block % 10 == 0 ? 200 : 20);
            for (int i = 0; i < n; i++) {
                Hash k = pool.get(random.nextInt(pool.size()));
                // grow first, then shrink, with a mix throughout
                boolean delete = random.nextInt(100) < (block < 30 ? 25 : 65);
                changes.put(k, delete ? null : value("v" + random.nextInt(5)));
            }
            for (Map.Entry<Hash, Hash> e : changes.entrySet()) {
                if (e.getValue() == null) {
                    model.remove(e.getKey());
                } else {
                    model.put(e.getKey(), e.getValue());
                }
            }
            Hash root = commit(store, tree, changes);
            assertThat(root).as("block %d", block).isEqualTo(Reference.root(model));
            assertThat(tree.root(store)).isEqualTo(root);
        }
        assertThat(model).isNotEmpty();
        // the same set built in one batch, in a fresh store, by a fresh tree: same root, same nodes
        MapDbStore fresh = another("fresh");
        StateTree scratch = new StateTree();
        Hash scratchRoot = commit(fresh, scratch, new TreeMap<>(model));
        assertThat(scratchRoot).isEqualTo(tree.root(store));
        assertThat(contents(store, tree.namespace())).isEqualTo(contents(fresh, scratch.namespace()));
        // and inserted one key per batch, in shuffled order
        MapDbStore oneByOne = another("one-by-one");
        StateTree single = new StateTree();
        List<Hash> order = new ArrayList<>(model.keySet());
        Collections.shuffle(order, random);
        try (WriteBatch batch = oneByOne.newBatch()) {
            for (Hash k : order) {
                SortedMap<Hash, Hash> one = new TreeMap<>();
                one.put(k, model.get(k));
                single.update(batch, one); // each update reads the earlier ones through the batch
            }
            batch.commit();
        }
        assertThat(single.root(oneByOne)).isEqualTo(scratchRoot);
        assertThat(contents(oneByOne, single.namespace())).isEqualTo(contents(fresh, scratch.namespace()));
        // every key reads back
        for (Hash k : pool) {
            assertThat(tree.get(store, k)).isEqualTo(model.get(k));
        }
    }

    @Test
    void insertingAndDeletingInAnyOrderEndsAtTheSameShape() {
        Random random = new Random(7);
        List<Hash> pool = keyPool(150);
        NavigableMap<Hash, Hash> finalSet = new TreeMap<>();
        for (Hash k : pool) {
            if (random.nextBoolean()) {
                finalSet.put(k, value("final " + k));
            }
        }
        MapDbStore fresh = another("fresh");
        StateTree scratch = new StateTree();
        Hash expected = commit(fresh, scratch, new TreeMap<>(finalSet));
        assertThat(expected).isEqualTo(Reference.root(finalSet));
        List<String> expectedNodes = contents(fresh, scratch.namespace());

        for (int round = 0; round < 5; round++) {
            MapDbStore s = another("round" + round);
            StateTree tree = new StateTree();
            // insert everything (with other values), then delete what is not in the final set and
            // set the final values, in random chunks
            List<Hash> keys = new ArrayList<>(pool);
            Collections.shuffle(keys, random);
            for (List<Hash> chunk : chunks(keys, random)) {
                SortedMap<Hash, Hash> changes = new TreeMap<>();
                chunk.forEach(k -> changes.put(k, value("first " + k)));
                commit(s, tree, changes);
            }
            Collections.shuffle(keys, random);
            for (List<Hash> chunk : chunks(keys, random)) {
                SortedMap<Hash, Hash> changes = new TreeMap<>();
                chunk.forEach(k -> changes.put(k, finalSet.get(k)));
                commit(s, tree, changes);
            }
            assertThat(tree.root(s)).isEqualTo(expected);
            assertThat(contents(s, tree.namespace())).isEqualTo(expectedNodes);
        }
    }

    private static List<List<Hash>> chunks(List<Hash> keys, Random random) {
        List<List<Hash>> out = new ArrayList<>();
        int i = 0;
        while (i < keys.size()) {
            int n = Math.min(keys.size() - i, 1 + random.nextInt(40));
            out.add(keys.subList(i, i + n));
            i += n;
        }
        return out;
    }

    @Test
    void deletingEverythingLeavesAZeroRootAndNoNodes() {
        StateTree tree = new StateTree();
        List<Hash> pool = keyPool(300);
        SortedMap<Hash, Hash> all = new TreeMap<>();
        pool.forEach(k -> all.put(k, value(k.toString())));
        assertThat(commit(store, tree, all)).isNotEqualTo(Hash.ZERO);
        assertThat(contents(store, tree.namespace())).isNotEmpty();
        // half in one block, the rest one by one
        SortedMap<Hash, Hash> half = new TreeMap<>();
        pool.subList(0, pool.size() / 2).forEach(k -> half.put(k, null));
        commit(store, tree, half);
        for (Hash k : pool.subList(pool.size() / 2, pool.size())) {
            SortedMap<Hash, Hash> one = new TreeMap<>();
            one.put(k, null);
            commit(store, tree, one);
        }
        assertThat(tree.root(store)).isEqualTo(Hash.ZERO);
        assertThat(contents(store, tree.namespace())).isEmpty();
    }

    @Test
    void updatesInOneBatchSeeEachOther() {
        StateTree tree = new StateTree();
        NavigableMap<Hash, Hash> model = new TreeMap<>();
        try (WriteBatch batch = store.newBatch()) {
            for (int step = 0; step < 10; step++) {
                SortedMap<Hash, Hash> changes = new TreeMap<>();
                for (int i = step * 10; i < step * 10 + 30; i++) {
                    Hash k = keyOf(i);
                    Hash v = i % 7 == 0 ? null : value("s" + step + "i" + i);
                    changes.put(k, v);
                    if (v == null) {
                        model.remove(k);
                    } else {
                        model.put(k, v);
                    }
                }
                assertThat(tree.update(batch, changes)).isEqualTo(Reference.root(model));
                assertThat(tree.root(batch)).isEqualTo(Reference.root(model));
            }
            assertThat(tree.root(store)).isEqualTo(Hash.ZERO); // nothing committed yet
            batch.commit();
        }
        assertThat(tree.root(store)).isEqualTo(Reference.root(model));
    }

    @Test
    void unchangedValuesWriteNothing() {
        StateTree tree = new StateTree();
        SortedMap<Hash, Hash> changes = new TreeMap<>();
        for (int i = 0; i < 100; i++) {
            changes.put(keyOf(i), value("x" + i));
        }
        Hash root = commit(store, tree, changes);
        changes.put(keyOf(1000), null); // deleting an absent key
        try (WriteBatch batch = store.newBatch()) {
            assertThat(tree.update(batch, changes)).isEqualTo(root);
            assertThat(batch.size()).isZero();
        }
    }

    @Test
    void aDiscardedBatchLeavesTheCommittedTreeUntouched() {
        StateTree tree = new StateTree();
        SortedMap<Hash, Hash> first = new TreeMap<>();
        for (int i = 0; i < 500; i++) {
            first.put(keyOf(i), value("1-" + i));
        }
        Hash committed = commit(store, tree, first);
        List<String> nodes = contents(store, tree.namespace());

        SortedMap<Hash, Hash> discarded = new TreeMap<>();
        for (int i = 0; i < 500; i += 2) {
            discarded.put(keyOf(i), i % 4 == 0 ? null : value("2-" + i));
        }
        for (int i = 500; i < 700; i++) {
            discarded.put(keyOf(i), value("2-" + i));
        }
        Hash uncommitted;
        try (WriteBatch batch = store.newBatch()) {
            uncommitted = tree.update(batch, discarded);
            assertThat(tree.root(batch)).isEqualTo(uncommitted);
        } // closed without commit
        assertThat(uncommitted).isNotEqualTo(committed);
        assertThat(tree.root(store)).isEqualTo(committed);
        assertThat(contents(store, tree.namespace())).isEqualTo(nodes);
        // the cache holds the discarded nodes now; reads and the next block must not see them
        for (int i = 0; i < 700; i += 3) {
            Hash expected = first.get(keyOf(i));
            assertThat(tree.get(store, keyOf(i))).isEqualTo(expected);
            assertThat(StateTree.verify(committed, keyOf(i), expected, tree.prove(store, keyOf(i)))).isTrue();
        }
        SortedMap<Hash, Hash> next = new TreeMap<>();
        for (int i = 1; i < 500; i += 5) {
            next.put(keyOf(i), value("3-" + i));
        }
        NavigableMap<Hash, Hash> model = new TreeMap<>(first);
        model.putAll(next);
        assertThat(commit(store, tree, next)).isEqualTo(Reference.root(model));
        // and the same result without any cache
        StateTree uncached = new StateTree(StateTree.DEFAULT_NAMESPACE, 0);
        assertThat(uncached.root(store)).isEqualTo(Reference.root(model));
        // applying the discarded changes again, for real, gives the root they gave before... on the
        // state they were computed on: check against the model instead
        for (Map.Entry<Hash, Hash> e : discarded.entrySet()) {
            if (e.getValue() == null) {
                model.remove(e.getKey());
            } else {
                model.put(e.getKey(), e.getValue());
            }
        }
        assertThat(commit(store, tree, discarded)).isEqualTo(Reference.root(model));
    }

    @Test
    void theTreePersistsAcrossAStoreReopen() {
        StateTree tree = new StateTree();
        NavigableMap<Hash, Hash> model = new TreeMap<>();
        for (int i = 0; i < 300; i++) {
            model.put(keyOf(i), value("p" + i));
        }
        Hash root = commit(store, tree, new TreeMap<>(model));
        store.close();
        store = TestStores.open(dir.resolve("main"));
        StateTree reopened = new StateTree();
        assertThat(reopened.root(store)).isEqualTo(root);
        for (int i = 0; i < 310; i++) {
            Hash k = keyOf(i);
            assertThat(reopened.get(store, k)).isEqualTo(model.get(k));
            assertThat(StateTree.verify(root, k, model.get(k), reopened.prove(store, k))).isTrue();
        }
        SortedMap<Hash, Hash> more = new TreeMap<>();
        more.put(keyOf(0), null);
        more.put(keyOf(1000), value("new"));
        model.remove(keyOf(0));
        model.put(keyOf(1000), value("new"));
        assertThat(commit(store, reopened, more)).isEqualTo(Reference.root(model));
    }

    @Test
    void treesInTwoNamespacesAreIndependent() {
        StateTree accounts = new StateTree("accounts");
        StateTree storage = new StateTree("storage");
        SortedMap<Hash, Hash> a = new TreeMap<>();
        a.put(keyOf(1), value("a"));
        SortedMap<Hash, Hash> b = new TreeMap<>();
        b.put(keyOf(2), value("b"));
        try (WriteBatch batch = store.newBatch()) {
            accounts.update(batch, a);
            storage.update(batch, b);
            batch.commit();
        }
        assertThat(accounts.root(store)).isEqualTo(Reference.root(a));
        assertThat(storage.root(store)).isEqualTo(Reference.root(b));
    }

    @Test
    void badArgumentsAreRejected() {
        StateTree tree = new StateTree();
        assertThatThrownBy(() -> new StateTree("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StateTree("x", -1)).isInstanceOf(IllegalArgumentException.class);
        SortedMap<Hash, Hash> reversed = new TreeMap<>(Collections.reverseOrder());
        for (int i = 0; i < 50; i++) {
            reversed.put(keyOf(i), value("r" + i));
        }
        try (WriteBatch batch = store.newBatch()) {
            // any iteration order is sorted first
            assertThat(tree.update(batch, reversed)).isEqualTo(Reference.root(reversed));
        }
    }

    @Test
    void aDamagedStoreIsReportedNotMisread() {
        StateTree tree = new StateTree(StateTree.DEFAULT_NAMESPACE, 0);
        SortedMap<Hash, Hash> changes = new TreeMap<>();
        for (int i = 0; i < 200; i++) {
            changes.put(keyOf(i), value("d" + i));
        }
        commit(store, tree, changes);
        // drop one node below the root
        byte[] victim = null;
        for (Iterator<KeyValue> it = store.scan(tree.namespace(), null, null, false); it.hasNext();) {
            KeyValue kv = it.next();
            if (kv.key()[kv.key().length - 1] == 2) { // a node at depth 2
                victim = kv.key();
                break;
            }
        }
        assertThat(victim).isNotNull();
        try (WriteBatch batch = store.newBatch()) {
            batch.delete(tree.namespace(), victim);
            batch.commit();
        }
        Hash below = null;
        for (int i = 0; i < 200 && below == null; i++) {
            byte[] k = keyOf(i).toArray();
            if (k[0] == victim[0]) {
                below = keyOf(i);
            }
        }
        Hash k = below;
        assertThatThrownBy(() -> tree.prove(store, k)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is missing");
        // a garbled node
        try (WriteBatch batch = store.newBatch()) {
            batch.put(tree.namespace(), victim, new byte[] {0, 3, 0, 1, 1, 2});
            batch.commit();
        }
        assertThatThrownBy(() -> tree.get(store, k)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is corrupt");
    }
}
