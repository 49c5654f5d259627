package io.zgnode.storage.sectors;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.api.store.Keys;
import io.zgnode.api.store.WriteBatch;
import io.zgnode.storage.intake.FlowEntries;
import io.zgnode.storage.intake.StoredEntry;

/**
 * Which entry each flow root came after, so that a proof can be asked against a root the flow had
 * earlier (a miner's or a contract's view of the flow). The index is in the node's store:
 * <pre>
 * storage.flow-roots            root (32 bytes) -> the txSeq after which the flow had it (8 bytes)
 * storage.flow-roots-progress   'n' -> the txSeq of the next entry to index (8 bytes)
 * </pre>
 * Entries are indexed when a root is looked up, those committed since the last lookup first. When
 * two versions of the flow share a root (an entry of zero bytes can leave the tree as it was), the
 * later one is kept: its tree is the same and it is longer.
 */
final class FlowRoots {

    static final String ROOTS = "storage.flow-roots";
    static final String PROGRESS = "storage.flow-roots-progress";
    private static final byte[] NEXT = {'n'};
    /** Entries indexed per store commit. */
    private static final int BATCH = 1_024;

    private final KeyValueStore store;
    private final FlowEntries entries;
    private final SubtreeCache cache;

    FlowRoots(KeyValueStore store, FlowEntries entries, SubtreeCache cache) {
        this.store = store;
        this.entries = entries;
        this.cache = cache;
    }

    /** The entry after which the flow's root was {@code root}, if it ever was. */
    synchronized OptionalLong txSeqOf(Hash root) {
        catchUp();
        byte[] txSeq = store.get(ROOTS, root.toArray());
        return txSeq == null ? OptionalLong.empty() : OptionalLong.of(Keys.toLong(txSeq, 0));
    }

    private void catchUp() {
        long next = entries.nextTxSeq();
        byte[] stored = store.get(PROGRESS, NEXT);
        long indexed = stored == null ? 0 : Keys.toLong(stored, 0);
        while (indexed < next) {
            long end = Math.min(next, indexed + BATCH);
            Map<Long, StoredEntry> read = new HashMap<>();
            try (WriteBatch batch = store.newBatch()) {
                for (long txSeq = indexed; txSeq < end; txSeq++) {
                    Hash root = new FlowSubtrees(FlowVersion.after(entries, txSeq, read), cache).root();
                    batch.put(ROOTS, root.toArray(), Keys.ofLong(txSeq));
                }
                batch.put(PROGRESS, NEXT, Keys.ofLong(end));
                batch.commit();
            }
            indexed = end;
        }
    }
}
