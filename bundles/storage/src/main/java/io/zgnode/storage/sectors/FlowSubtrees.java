package io.zgnode.storage.sectors;

import java.util.Optional;

import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;
import io.zgnode.storage.intake.StoredEntry;
import io.zgnode.storage.merkle.SubmissionNode;
import io.zgnode.storage.merkle.ZeroHashes;

/**
 * Roots of the aligned subtrees of one version of the flow's Merkle tree, as the Flow contract's
 * tree has them, computed from the committed entries alone: the subtree of 2<sup>h</sup> sectors
 * from {@code index << h} is
 * <ul>
 * <li>a submission node's root where it is exactly that node;</li>
 * <li>the identifier, an all-zero hash, for sector 0;</li>
 * <li>the empty subtree {@link ZeroHashes#of(int)} where it holds no entry and not sector 0
 * (the gaps the flow's alignment leaves, and everything past the flow's length);</li>
 * <li>for a subtree strictly inside a submission node, whatever the {@link NodeInterior} says:
 * only the file's data can tell (a proof needs these only along its own sector's path);</li>
 * <li>otherwise {@code keccak(left || right)} of its halves.</li>
 * </ul>
 * Used by one call at a time.
 */
final class FlowSubtrees {

    /** Hashes inside a submission node. */
    @FunctionalInterface
    interface NodeInterior {

        /** The root of the subtree of {@code 2^height} sectors from {@code index << height}, strictly inside a node of {@code entry}. */
        Hash hash(StoredEntry entry, int height, long index);
    }

    /** Sector 0's leaf: the flow's identifier, all zeros (not the hash of an empty chunk). */
    static final Hash IDENTIFIER = Hash.ZERO;

    private static final NodeInterior NO_DATA = (entry, height, index) -> {
        throw new IllegalStateException("subtree " + index + " of height " + height + " lies inside a node of entry " + entry.txSeq()
                + ": its root needs the file's data");
    };

    private final FlowVersion version;
    private final SubtreeCache cache;
    private final NodeInterior interior;

    /** Roots that need no file data: enough for the flow's root, not for a proof of a sector inside an entry. */
    FlowSubtrees(FlowVersion version, SubtreeCache cache) {
        this(version, cache, NO_DATA);
    }

    FlowSubtrees(FlowVersion version, SubtreeCache cache, NodeInterior interior) {
        this.version = version;
        this.cache = cache;
        this.interior = interior;
    }

    /** The flow's root: what the Flow contract commits to after this version's last entry. */
    Hash root() {
        return hash(version.height(), 0);
    }

    Hash hash(int height, long index) {
        long from = index << height;
        long to = from + (1L << height);
        if (from >= version.length()) {
            return ZeroHashes.of(height);
        }
        boolean complete = to <= version.length();
        if (complete && height > 0) {
            Hash cached = cache.get(height, index);
            if (cached != null) {
                return cached;
            }
        }
        if (height == 0 && from == 0) {
            return IDENTIFIER;
        }
        Optional<StoredEntry> next = version.firstEndingAfter(from);
        if (from != 0 && (next.isEmpty() || next.get().startPosition() >= to)) {
            return ZeroHashes.of(height);
        }
        if (next.isPresent() && next.get().startPosition() <= from) {
            StoredEntry entry = next.get();
            long start = entry.startPosition();
            for (SubmissionNode node : entry.nodes()) {
                long end = start + (1L << node.height());
                if (from < end) {
                    // aligned ranges nest: a node at least this high that holds `from` holds the whole subtree
                    if (node.height() == height) {
                        return node.root();
                    }
                    if (node.height() > height) {
                        return interior.hash(entry, height, index);
                    }
                    break;
                }
                start = end;
            }
        }
        Hash root = Hash.of(Keccak256.hash(hash(height - 1, 2 * index).toArray(), hash(height - 1, 2 * index + 1).toArray()));
        if (complete) {
            cache.put(height, index, root);
        }
        return root;
    }
}
