package io.zgnode.statetree;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.store.StoreSnapshot;
import io.zgnode.api.store.WriteBatch;
import io.zgnode.crypto.Keccak256;
import io.zgnode.store.internal.MapDbStore;

/**
 * Figures for the state tree on the real MapDB store. Run with
 * {@code mvn -B -q test -pl bundles/statetree -Dgroups=benchmark -DexcludedGroups= -Dtest=StateTreeBenchmark}.
 * Trees of 100k and 1M keys; blocks of 10,000 changes (80% changed values, 10% new keys,
 * 10% deleted keys), with the default node cache and with none; then proofs.
 */
@Tag("benchmark")
class StateTreeBenchmark {

    private static final int BLOCK = 10_000;
    private static final int BLOCKS = 5;
    private static final int WARMUP_BLOCKS = 2;

    @TempDir
    Path dir;

    @Test
    void tree100k() {
        run(100_000);
    }

    @Test
    void tree1m() {
        run(1_000_000);
    }

    private static Hash key(long i) {
        byte[] b = new byte[8];
        for (int j = 0; j < 8; j++) {
            b[j] = (byte) (i >>> (56 - 8 * j));
        }
        return Hash.of(Keccak256.hash(b));
    }

    private static Hash value(long i, long version) {
        return Hash.of(Keccak256.hash(("v" + i + "/" + version).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private void run(int size) {
        MapDbStore store = TestStores.open(dir);
        try {
            StateTree tree = new StateTree();
            long start = System.nanoTime();
            int chunk = 50_000;
            for (int from = 0; from < size; from += chunk) {
                SortedMap<Hash, Hash> changes = new TreeMap<>();
                for (int i = from; i < Math.min(size, from + chunk); i++) {
                    changes.put(key(i), value(i, 0));
                }
                try (WriteBatch batch = store.newBatch()) {
                    tree.update(batch, changes);
                    batch.commit();
                }
            }
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            long nodes = 0;
            for (var it = store.scan(tree.namespace(), null, null, false); it.hasNext(); it.next()) {
                nodes++;
            }
            System.out.printf("%n== state tree, %,d keys: built in %.1f s (%,.0f keys/s in batches of %,d); %,d nodes stored (%.2f per key)%n",
                    size, buildSeconds, size / buildSeconds, chunk, nodes, nodes / (double) size);

            Random random = new Random(size);
            int[] next = {size};
            long[] version = {1};
            List<Integer> live = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                live.add(i);
            }
            blocks("default cache (" + StateTree.DEFAULT_CACHED_NODES + " nodes)", store, tree, random, live, next, version);
            StateTree uncached = new StateTree(StateTree.DEFAULT_NAMESPACE, 0);
            blocks("no cache", store, uncached, random, live, next, version);
            int large = Integer.getInteger("statetree.bench.cache", 0);
            if (large > 0) {
                StateTree big = new StateTree(StateTree.DEFAULT_NAMESPACE, large);
                blocks("cache of " + large + " nodes", store, big, random, live, next, version);
                blocks("cache of " + large + " nodes, warm", store, big, random, live, next, version);
                System.gc();
                Runtime rt = Runtime.getRuntime();
                System.out.printf("  heap used with that cache: %,d MiB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
            }

            proofs(store, tree, random, live, next[0], "default cache");
            proofs(store, uncached, random, live, next[0], "no cache");
        } finally {
            store.close();
        }
    }

    private static void blocks(String label, MapDbStore store, StateTree tree, Random random, List<Integer> live,
            int[] next, long[] version) {
        double updateSeconds = 0;
        double commitSeconds = 0;
        long writes = 0;
        for (int block = 0; block < WARMUP_BLOCKS + BLOCKS; block++) {
            SortedMap<Hash, Hash> changes = new TreeMap<>();
            long v = version[0]++;
            while (changes.size() < BLOCK) {
                int roll = random.nextInt(10);
                if (roll == 0) {
                    int i = next[0]++;
                    changes.put(key(i), value(i, v));
                    live.add(i);
                } else if (roll == 1 && !live.isEmpty()) {
                    int at = random.nextInt(live.size());
                    int i = live.get(at);
                    live.set(at, live.get(live.size() - 1));
                    live.remove(live.size() - 1);
                    changes.put(key(i), null);
                } else {
                    int i = live.get(random.nextInt(live.size()));
                    changes.put(key(i), value(i, v));
                }
            }
            try (WriteBatch batch = store.newBatch()) {
                long t0 = System.nanoTime();
                tree.update(batch, changes);
                long t1 = System.nanoTime();
                int size = batch.size();
                batch.commit();
                long t2 = System.nanoTime();
                if (block >= WARMUP_BLOCKS) {
                    updateSeconds += (t1 - t0) / 1e9;
                    commitSeconds += (t2 - t1) / 1e9;
                    writes += size;
                }
            }
        }
        int keys = BLOCKS * BLOCK;
        System.out.printf("  blocks of %,d changes, %s: %,.0f keys/s with commit (update %,.0f keys/s, %.0f ms/block; "
                        + "commit %.0f ms/block; %,d node writes/block)%n",
                BLOCK, label, keys / (updateSeconds + commitSeconds), keys / updateSeconds,
                1000 * updateSeconds / BLOCKS, 1000 * commitSeconds / BLOCKS, writes / BLOCKS);
    }

    private static void proofs(MapDbStore store, StateTree tree, Random random, List<Integer> live, int next,
            String label) {
        int n = 20_000;
        Hash[] keys = new Hash[n];
        for (int i = 0; i < n; i++) {
            // one in five absent
            keys[i] = i % 5 == 4 ? key(next + 1_000_000L + i) : key(live.get(random.nextInt(live.size())));
        }
        Proof[] proofs = new Proof[n];
        Hash[] values = new Hash[n];
        Hash root;
        long bytes = 0;
        double proveSeconds;
        try (StoreSnapshot snapshot = store.snapshot()) {
            root = tree.root(snapshot);
            for (int i = 0; i < 2000; i++) { // warm up
                tree.prove(snapshot, keys[i]);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                proofs[i] = tree.prove(snapshot, keys[i]);
            }
            proveSeconds = (System.nanoTime() - t0) / 1e9;
            for (int i = 0; i < n; i++) {
                values[i] = proofs[i].valueFor(keys[i]);
                bytes += proofs[i].toBytes().length;
            }
        }
        long t0 = System.nanoTime();
        int ok = 0;
        for (int i = 0; i < n; i++) {
            if (StateTree.verify(root, keys[i], values[i], proofs[i])) {
                ok++;
            }
        }
        double verifySeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(ok).isEqualTo(n);
        System.out.printf("  proofs (%s, from a snapshot): %,.0f generated/s, %,.0f verified/s, %.0f bytes on average%n",
                label, n / proveSeconds, n / verifySeconds, bytes / (double) n);
    }
}
