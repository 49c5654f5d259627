package io.zgnode.storage.rpc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcException;
import io.zgnode.api.rpc.RpcMethod;
import io.zgnode.storage.StorageNode;
import io.zgnode.storage.intake.FlowEntries;
import io.zgnode.storage.intake.InvalidSegmentException;
import io.zgnode.storage.intake.SegmentIntake;
import io.zgnode.storage.intake.StoredEntry;
import io.zgnode.storage.intake.UploadedSegment;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.segments.SegmentBytes;
import io.zgnode.storage.segments.SegmentStore;
import io.zgnode.storage.segments.ShardConfig;

/**
 * The {@code zgs_*} methods of 0G's storage node that upload and download segments and describe
 * files, with the names, shapes and encodings 0G's clients use.
 */
@Component(service = RpcEndpoint.class)
public class ZgsEndpoint implements RpcEndpoint {

    private final FlowEntries entries;
    private final SegmentStore segments;
    private final SegmentIntake intake;
    private final ShardConfig shard;

    @Activate
    public ZgsEndpoint(@Reference StorageNode node) {
        this(node.entries(), node.segments(), node.intake(), node.shard());
    }

    public ZgsEndpoint(FlowEntries entries, SegmentStore segments, SegmentIntake intake, ShardConfig shard) {
        this.entries = entries;
        this.segments = segments;
        this.intake = intake;
        this.shard = shard;
    }

    @RpcMethod("zgs_uploadSegment")
    public Object uploadSegment(SegmentJson segment) {
        return uploadSegments(List.of(segment));
    }

    /**
     * Segments of one or more files; each goes to the oldest entry of its root not yet complete
     * here. Every segment is checked before any is stored.
     */
    @RpcMethod("zgs_uploadSegments")
    public Object uploadSegments(List<SegmentJson> batch) {
        Map<Hash, List<UploadedSegment>> byRoot = new LinkedHashMap<>();
        for (UploadedSegment segment : decode(batch)) {
            byRoot.computeIfAbsent(segment.root(), root -> new ArrayList<>()).add(segment);
        }
        List<SegmentIntake.Checked> checked = new ArrayList<>();
        for (Map.Entry<Hash, List<UploadedSegment>> file : byRoot.entrySet()) {
            checked.add(check(target(file.getKey()), file.getValue()));
        }
        checked.forEach(intake::store);
        return null;
    }

    @RpcMethod("zgs_uploadSegmentByTxSeq")
    public Object uploadSegmentByTxSeq(SegmentJson segment, long txSeq) {
        return uploadSegmentsByTxSeq(List.of(segment), txSeq);
    }

    @RpcMethod("zgs_uploadSegmentsByTxSeq")
    public Object uploadSegmentsByTxSeq(List<SegmentJson> batch, long txSeq) {
        intake.store(check(entry(txSeq), decode(batch)));
        return null;
    }

    /** Chunks {@code [start, end)} of a file, within one segment this node holds; null if it does not. */
    @RpcMethod("zgs_downloadSegment")
    public String downloadSegment(String root, long startIndex, long endIndex) {
        return download(latest(root), startIndex, endIndex);
    }

    @RpcMethod("zgs_downloadSegmentByTxSeq")
    public String downloadSegmentByTxSeq(long txSeq, long startIndex, long endIndex) {
        return download(entry(txSeq), startIndex, endIndex);
    }

    @RpcMethod("zgs_downloadSegmentWithProof")
    public ServedSegmentJson downloadSegmentWithProof(String root, long index) {
        return withProof(latest(root), index);
    }

    @RpcMethod("zgs_downloadSegmentWithProofByTxSeq")
    public ServedSegmentJson downloadSegmentWithProofByTxSeq(long txSeq, long index) {
        return withProof(entry(txSeq), index);
    }

    /** What this node knows of the file, or null before its entry is committed. */
    @RpcMethod("zgs_getFileInfo")
    public FileInfoJson getFileInfo(String root, Boolean needAvailable) {
        List<StoredEntry> all = entries.byRoot(SegmentJson.hash(root, "root"));
        return all.isEmpty() ? null : info(preferIncomplete(all));
    }

    @RpcMethod("zgs_getFileInfoByTxSeq")
    public FileInfoJson getFileInfoByTxSeq(long txSeq) {
        return entries.byTxSeq(txSeq).map(this::info).orElse(null);
    }

    /** Whether the file is complete here; the argument is a txSeq (number) or a root (hex). */
    @RpcMethod("zgs_checkFileFinalized")
    public Boolean checkFileFinalized(Object txSeqOrRoot) {
        List<StoredEntry> candidates;
        if (txSeqOrRoot instanceof Number number) {
            candidates = entries.byTxSeq(number.longValue()).stream().toList();
        } else if (txSeqOrRoot instanceof String root) {
            candidates = entries.byRoot(SegmentJson.hash(root, "root"));
        } else {
            throw RpcException.invalidParams("zgs_checkFileFinalized takes a txSeq or a root");
        }
        return candidates.isEmpty() ? null : candidates.stream().anyMatch(this::finalized);
    }

    @RpcMethod("zgs_getShardConfig")
    public ShardJson getShardConfig() {
        return new ShardJson(shard.shardId(), shard.numShard());
    }

    private SegmentIntake.Checked check(StoredEntry entry, List<UploadedSegment> batch) {
        try {
            return intake.check(entry, batch);
        } catch (InvalidSegmentException e) {
            throw RpcException.invalidParams(e.getMessage());
        }
    }

    private List<UploadedSegment> decode(List<SegmentJson> batch) {
        if (batch == null || batch.isEmpty()) {
            throw RpcException.invalidParams("no segments");
        }
        if (batch.size() > intake.maxBatch()) {
            throw RpcException.invalidParams(batch.size() + " segments in one call; at most " + intake.maxBatch());
        }
        List<UploadedSegment> decoded = new ArrayList<>();
        for (SegmentJson segment : batch) {
            if (segment == null) {
                throw RpcException.invalidParams("a segment is null");
            }
            decoded.add(segment.toSegment());
        }
        return decoded;
    }

    private String download(StoredEntry entry, long start, long end) {
        FileLayout layout = entry.layout();
        if (start < 0 || end <= start || end > layout.chunks()) {
            throw RpcException.invalidParams("chunks [" + start + ", " + end + ") are not within the file's " + layout.chunks() + " chunks");
        }
        long segment = start / FileLayout.SEGMENT_CHUNKS;
        if ((end - 1) / FileLayout.SEGMENT_CHUNKS != segment) {
            throw RpcException.invalidParams("chunks [" + start + ", " + end + ") span more than one segment");
        }
        Optional<SegmentBytes> held = segments.get(entry.txSeq(), (int) segment);
        if (held.isEmpty()) {
            return null;
        }
        int from = (int) (start - segment * FileLayout.SEGMENT_CHUNKS) * FileLayout.CHUNK_SIZE;
        int to = (int) Math.min((end - segment * FileLayout.SEGMENT_CHUNKS) * FileLayout.CHUNK_SIZE, held.get().data().length);
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(held.get().data(), from, to));
    }

    private ServedSegmentJson withProof(StoredEntry entry, long index) {
        if (index < 0 || index >= entry.layout().segments()) {
            throw RpcException.invalidParams("segment index " + index + " is not within the file's " + entry.layout().segments() + " segments");
        }
        return segments.get(entry.txSeq(), (int) index).map(held -> ServedSegmentJson.of(entry.root(), held, entry.size())).orElse(null);
    }

    private FileInfoJson info(StoredEntry entry) {
        return FileInfoJson.of(entry, segments.count(entry.txSeq()), finalized(entry));
    }

    private boolean finalized(StoredEntry entry) {
        return intake.complete(entry);
    }

    private StoredEntry entry(long txSeq) {
        return entries.byTxSeq(txSeq).orElseThrow(() -> RpcException.invalidParams("no flow entry " + txSeq + " (next is " + entries.nextTxSeq() + ")"));
    }

    private StoredEntry latest(String root) {
        List<StoredEntry> all = entries.byRoot(SegmentJson.hash(root, "root"));
        if (all.isEmpty()) {
            throw RpcException.invalidParams("no flow entry with root " + root);
        }
        // download from the entry most likely to be complete: the first one that is
        return all.stream().filter(this::finalized).findFirst().orElse(all.get(0));
    }

    private StoredEntry target(Hash root) {
        List<StoredEntry> all = entries.byRoot(root);
        if (all.isEmpty()) {
            throw RpcException.invalidParams("no flow entry with root " + root + ": submit the file to the Flow contract first");
        }
        return preferIncomplete(all);
    }

    private StoredEntry preferIncomplete(List<StoredEntry> all) {
        return all.stream().filter(entry -> !finalized(entry)).findFirst().orElse(all.get(0));
    }
}
