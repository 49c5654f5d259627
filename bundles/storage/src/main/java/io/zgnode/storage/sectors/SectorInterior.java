package io.zgnode.storage.sectors;

import java.util.List;

import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;
import io.zgnode.storage.intake.StoredEntry;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.SegmentProof;
import io.zgnode.storage.merkle.SubmissionNode;
import io.zgnode.storage.merkle.ZeroHashes;
import io.zgnode.storage.segments.SegmentBytes;
import io.zgnode.storage.segments.SegmentStore;
import io.zgnode.storage.segments.ShardConfig;

/**
 * The hashes inside the submission node that holds one sector of an entry, for that sector's
 * proof. A node is an aligned, perfect subtree of the file's tree, so:
 * <ul>
 * <li>below the segment level (and inside a node smaller than a segment), the subtrees are of the
 * sector's own segment: hashed from its bytes, which this node must hold (chunks past the file's
 * end are empty chunks);</li>
 * <li>above it, the subtrees are of the file's segment tree: the siblings are those of the segment
 * proof stored with the segment. A segment of padding alone (after the file's last segment) is never
 * uploaded: its siblings are empty subtrees to its right and, to its left, subtrees on the path of
 * the file's last segment, whose stored proof gives them.</li>
 * </ul>
 * Every stored segment and proof was checked against the entry's root when it arrived.
 */
final class SectorInterior implements FlowSubtrees.NodeInterior {

    private static final int SEGMENT_HEIGHT = FileLayout.SEGMENT_HEIGHT;

    private final StoredEntry entry;
    private final long sector;
    private final SegmentStore segments;
    private final ShardConfig shard;
    private final FileLayout layout;
    /** The sector's chunk in the file's padded chunks. */
    private final long chunk;
    /** The file segment that holds it. */
    private final int segment;
    /** Chunk levels of the aligned block (a segment, or the node if smaller) around the sector, leaves first. */
    private Hash[][] block;
    private long blockStart;
    private SegmentProof reference;
    private int referenceIndex;

    SectorInterior(StoredEntry entry, long sector, SegmentStore segments, ShardConfig shard) {
        this.entry = entry;
        this.sector = sector;
        this.segments = segments;
        this.shard = shard;
        this.layout = entry.layout();
        this.chunk = sector - entry.startPosition();
        this.segment = (int) (chunk / FileLayout.SEGMENT_CHUNKS);
    }

    @Override
    public Hash hash(StoredEntry of, int height, long index) {
        if (of.txSeq() != entry.txSeq()) {
            throw new IllegalStateException("asked inside entry " + of.txSeq() + " for a proof of sector " + sector + " of entry " + entry.txSeq());
        }
        long offset = (index << height) - entry.startPosition();
        return height < SEGMENT_HEIGHT ? inBlock(height, offset) : aboveSegments(height - SEGMENT_HEIGHT, offset >> height);
    }

    private Hash inBlock(int height, long offset) {
        if (block == null) {
            hashBlock();
        }
        long position = (offset - blockStart) >> height;
        if (height >= block.length || position < 0 || position >= block[height].length) {
            throw new IllegalStateException("chunks " + offset + "+2^" + height + " are outside the block of sector " + sector);
        }
        return block[height][(int) position];
    }

    /** Levels of the perfect tree over the aligned block holding the sector: its segment, or its node if that is smaller. */
    private void hashBlock() {
        int height = Math.min(nodeHeight(), SEGMENT_HEIGHT);
        blockStart = chunk >> height << height;
        byte[] data = segment < layout.segments() ? require(segment, "sector " + sector + " is in").data() : new byte[0];
        long dataStart = (long) segment * FileLayout.SEGMENT_CHUNKS;
        block = new Hash[height + 1][];
        block[0] = new Hash[1 << height];
        for (int i = 0; i < block[0].length; i++) {
            long at = (blockStart + i - dataStart) * FileLayout.CHUNK_SIZE;
            // the stored bytes end with the file's last chunk: the chunks after it are empty
            block[0][i] = at + FileLayout.CHUNK_SIZE <= data.length ? Hash.of(Keccak256.hash(data, (int) at, FileLayout.CHUNK_SIZE)) : ZeroHashes.of(0);
        }
        for (int level = 1; level <= height; level++) {
            block[level] = new Hash[block[level - 1].length / 2];
            for (int i = 0; i < block[level].length; i++) {
                block[level][i] = Hash.of(Keccak256.hash(block[level - 1][2 * i].toArray(), block[level - 1][2 * i + 1].toArray()));
            }
        }
    }

    /**
     * The root over file segments {@code [index << level, (index + 1) << level)}: empty after the
     * file's last segment, else an ancestor or a sibling on the path of the reference segment.
     */
    private Hash aboveSegments(int level, long index) {
        if ((index << level) >= layout.segments()) {
            return ZeroHashes.of(level + SEGMENT_HEIGHT);
        }
        if (reference == null) {
            loadReference();
        }
        List<Hash> lemma = reference.lemma();
        long ancestor = (long) referenceIndex >> level;
        if (index == (ancestor ^ 1)) {
            return lemma.get(level + 1);
        }
        if (index != ancestor) {
            throw new IllegalStateException("segments from " + (index << level) + " are neither on nor beside the path of segment " + referenceIndex);
        }
        byte[] node = lemma.get(0).toArray();
        for (int step = 0; step < level; step++) {
            byte[] sibling = lemma.get(step + 1).toArray();
            node = reference.path().get(step) ? Keccak256.hash(node, sibling) : Keccak256.hash(sibling, node);
        }
        return Hash.of(node);
    }

    /** The sector's own segment, or for a segment of padding alone the file's last one. */
    private void loadReference() {
        if (segment < layout.segments()) {
            referenceIndex = segment;
            reference = require(segment, "sector " + sector + " is in").proof();
        } else {
            referenceIndex = layout.segments() - 1;
            reference = require(referenceIndex, "sector " + sector + " is padding after the file; its proof needs").proof();
        }
    }

    private SegmentBytes require(int index, String context) {
        return segments.get(entry.txSeq(), index).orElseThrow(() -> {
            long flowSegment = entry.flowSegment(index);
            String where = context + " segment " + index + " of entry " + entry.txSeq() + " (flow segment " + flowSegment + "), ";
            if (shard.holds(flowSegment)) {
                return new SectorNotHeldException(where + "which this node's shard " + shard + " keeps but it does not hold yet");
            }
            long num = shard.numShard();
            return new SectorNotHeldException(where + "in shard " + Math.floorMod(flowSegment, num) + "/" + num + ", not held here (this node keeps shard "
                    + shard + ")");
        });
    }

    private int nodeHeight() {
        long start = 0;
        for (SubmissionNode node : entry.nodes()) {
            start += 1L << node.height();
            if (chunk < start) {
                return node.height();
            }
        }
        throw new IllegalStateException("sector " + sector + " is past the end of entry " + entry.txSeq());
    }
}
