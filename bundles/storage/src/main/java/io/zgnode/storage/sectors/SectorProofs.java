package io.zgnode.storage.sectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.crypto.Keccak256;
import io.zgnode.storage.intake.FlowEntries;
import io.zgnode.storage.intake.StoredEntry;
import io.zgnode.storage.segments.SegmentStore;
import io.zgnode.storage.segments.ShardConfig;

/**
 * Proofs of single sectors against the flow's Merkle root ({@code zgs_getSectorProof}): the tree
 * the Flow contract commits to, over sectors 0 to 2<sup>H</sup> (H the least with 2<sup>H</sup> at
 * least the flow's length), sector 0 the identifier, every sector outside an entry an empty chunk.
 * <p>
 * A sector in an entry's data needs the segment that holds it, so only a node of that segment's
 * shard can prove it ({@link SectorNotHeldException} otherwise); the identifier, the gaps, and the
 * padding of a file whose last segment is held here need no more. The levels above an entry's nodes
 * come from the committed entries alone ({@link FlowSubtrees}), the roots of filled subtrees
 * shared between calls ({@link SubtreeCache}). Safe for several threads.
 */
public final class SectorProofs {

    private final FlowEntries entries;
    private final SegmentStore segments;
    private final ShardConfig shard;
    private final SubtreeCache cache;
    private final FlowRoots roots;

    public SectorProofs(FlowEntries entries, SegmentStore segments, ShardConfig shard, KeyValueStore store) {
        this.entries = entries;
        this.segments = segments;
        this.shard = shard;
        this.cache = new SubtreeCache(SubtreeCache.DEFAULT_CAPACITY);
        this.roots = new FlowRoots(store, entries, cache);
    }

    /**
     * The proof of {@code sector} against the flow's current root, or against {@code flowRoot}, a
     * root the flow had after some entry.
     *
     * @throws IllegalArgumentException for a negative sector, a sector past the flow's length at
     *         that root, or a root the flow never had
     * @throws SectorNotHeldException when the proof needs a segment this node does not hold
     */
    public FlowProof prove(long sector, Optional<Hash> flowRoot) {
        if (sector < 0) {
            throw new IllegalArgumentException("sector index " + sector + " is negative");
        }
        FlowVersion version = flowRoot.isPresent() ? versionWithRoot(flowRoot.get()) : FlowVersion.latest(entries);
        if (sector >= version.length()) {
            throw new IllegalArgumentException("sector " + sector + " is past the end of the flow" + flowRoot.map(root -> " at root " + root).orElse("")
                    + ": it has " + version.length() + " sectors (0 to " + (version.length() - 1) + ")");
        }
        return prove(sector, version);
    }

    /** The flow's root and length after its latest entry, both of the same entry. */
    public Context context() {
        FlowVersion latest = FlowVersion.latest(entries);
        return new Context(new FlowSubtrees(latest, cache).root(), latest.length());
    }

    /**
     * The flow as of one entry.
     *
     * @param root what the Flow contract computes ({@code computeFlowRoot})
     * @param length the sectors in use, from sector 0 (the identifier) to the end of the last entry
     */
    public record Context(Hash root, long length) {
    }

    private FlowProof prove(long sector, FlowVersion version) {
        Optional<StoredEntry> holder = version.firstEndingAfter(sector).filter(entry -> entry.startPosition() <= sector);
        FlowSubtrees tree = holder.isEmpty() ? new FlowSubtrees(version, cache)
                : new FlowSubtrees(version, cache, new SectorInterior(holder.get(), sector, segments, shard));

        Hash leaf = tree.hash(0, sector);
        List<Hash> lemma = new ArrayList<>();
        List<Boolean> path = new ArrayList<>();
        lemma.add(leaf);
        byte[] node = leaf.toArray();
        for (int level = 0; level < version.height(); level++) {
            long index = sector >>> level;
            boolean left = (index & 1) == 0;
            Hash sibling = tree.hash(level, index ^ 1);
            lemma.add(sibling);
            path.add(left);
            node = left ? Keccak256.hash(node, sibling.toArray()) : Keccak256.hash(sibling.toArray(), node);
        }
        if (version.height() > 0) {
            lemma.add(Hash.of(node));
        }
        return new FlowProof(lemma, path);
    }

    /** The version of the flow whose root is {@code root}: the latest if it is its root, else one looked up. */
    private FlowVersion versionWithRoot(Hash root) {
        FlowVersion latest = FlowVersion.latest(entries);
        if (new FlowSubtrees(latest, cache).root().equals(root)) {
            return latest;
        }
        OptionalLong txSeq = roots.txSeqOf(root);
        if (txSeq.isEmpty()) {
            throw new IllegalArgumentException("flow root " + root + " is not a root the flow has had after any of its " + entries.nextTxSeq()
                    + " entries: ask with no root for the current one");
        }
        return FlowVersion.after(entries, txSeq.getAsLong());
    }
}
