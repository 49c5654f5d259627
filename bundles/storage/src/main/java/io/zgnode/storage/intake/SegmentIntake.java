package io.zgnode.storage.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.zgnode.storage.merkle.ProofVerifier;
import io.zgnode.storage.segments.SegmentBytes;
import io.zgnode.storage.segments.SegmentStore;
import io.zgnode.storage.segments.ShardConfig;

/**
 * Takes uploaded segments of a committed entry: checks every one against the entry (root, size,
 * index, length, proof) before storing any, so a batch with one bad segment stores nothing, then
 * keeps those of this node's shard.
 */
public final class SegmentIntake {

    private final SegmentStore store;
    private final ShardConfig shard;
    private final int maxBatch;

    public SegmentIntake(SegmentStore store, ShardConfig shard, int maxBatch) {
        this.store = store;
        this.shard = shard;
        this.maxBatch = maxBatch;
    }

    /** The outcome of an upload: segments newly stored, and segments left to other shards. */
    public record Outcome(int stored, int otherShards) {
    }

    /** Segments checked against their entry, ready to store: those of this node's shard. */
    public record Checked(StoredEntry entry, List<SegmentBytes> ours, int otherShards) {
    }

    /** Whether this node holds every segment of the entry that its shard keeps. */
    public boolean complete(StoredEntry entry) {
        return store.count(entry.txSeq()) >= entry.segmentsOf(shard);
    }

    public int maxBatch() {
        return maxBatch;
    }

    /** Checks and stores: nothing is stored unless every segment belongs to the entry. */
    public Outcome accept(StoredEntry entry, List<UploadedSegment> segments) throws InvalidSegmentException {
        return store(check(entry, segments));
    }

    public Checked check(StoredEntry entry, List<UploadedSegment> segments) throws InvalidSegmentException {
        if (segments.isEmpty()) {
            throw new InvalidSegmentException("no segments");
        }
        if (segments.size() > maxBatch) {
            throw new InvalidSegmentException(segments.size() + " segments in one call; at most " + maxBatch);
        }
        List<SegmentBytes> ours = new ArrayList<>();
        for (UploadedSegment segment : segments) {
            check(entry, segment);
            if (shard.holds(entry.flowSegment(segment.index()))) {
                ours.add(segment.segment());
            }
        }
        return new Checked(entry, ours, segments.size() - ours.size());
    }

    public Outcome store(Checked checked) {
        int stored = checked.ours().isEmpty() ? 0 : store.put(checked.entry().txSeq(), checked.ours());
        return new Outcome(stored, checked.otherShards());
    }

    private static void check(StoredEntry entry, UploadedSegment segment) throws InvalidSegmentException {
        int index = segment.index();
        if (!segment.root().equals(entry.root())) {
            throw new InvalidSegmentException("segment " + index + " is for root " + segment.root() + ", not entry " + entry.txSeq() + "'s root " + entry.root());
        }
        if (segment.fileSize() != entry.size()) {
            throw new InvalidSegmentException("segment " + index + " says the file has " + segment.fileSize() + " bytes; entry " + entry.txSeq() + " has " + entry.size());
        }
        SegmentBytes bytes = segment.segment();
        Optional<String> proofError = ProofVerifier.check(bytes.data(), index, bytes.proof(), entry.root(), entry.size());
        if (proofError.isPresent()) {
            // the verifier also checks the index against the file's segments and the data's length
            throw new InvalidSegmentException("segment " + index + " rejected: " + proofError.get());
        }
    }
}
