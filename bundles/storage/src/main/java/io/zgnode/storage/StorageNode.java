package io.zgnode.storage;

import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.zgnode.api.node.NodeInfo;
import io.zgnode.api.rpc.RpcServer;
import io.zgnode.api.storage.FlowLog;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.storage.intake.FlowEntries;
import io.zgnode.storage.intake.LogEntries;
import io.zgnode.storage.intake.SegmentIntake;
import io.zgnode.storage.intake.StoredEntry;
import io.zgnode.storage.sectors.SectorProofs;
import io.zgnode.storage.segments.SegmentStore;
import io.zgnode.storage.segments.ShardConfig;

/**
 * This node's part of the log layer: its shard, the segments it holds (under
 * {@code DATA/storage/segments}) and the committed entries they belong to. The RPC methods, the
 * shell and the sync between nodes work through it.
 */
@Component(service = StorageNode.class, configurationPid = StorageConfig.PID)
@Designate(ocd = StorageConfig.class)
public class StorageNode {

    private final ShardConfig shard;
    private final FlowEntries entries;
    private final SegmentStore segments;
    private final SegmentIntake intake;
    private final SectorProofs sectors;
    private final StorageConfig config;

    @Activate
    public StorageNode(@Reference KeyValueStore store, @Reference FlowLog log, @Reference NodeInfo node, StorageConfig config) {
        this.config = config;
        this.shard = ShardConfig.parse(config.shard());
        if (config.maxSegmentsPerCall() < 1) {
            throw new IllegalArgumentException("maxSegmentsPerCall must be at least 1, not " + config.maxSegmentsPerCall());
        }
        this.entries = new LogEntries(log);
        this.segments = new SegmentStore(store, directory(node));
        this.intake = new SegmentIntake(segments, shard, config.maxSegmentsPerCall());
        this.sectors = new SectorProofs(entries, segments, shard, store);
    }

    static Path directory(NodeInfo node) {
        return node.dataDirectory().resolve("storage").resolve("segments");
    }

    @Deactivate
    void deactivate() {
        segments.close();
    }

    public ShardConfig shard() {
        return shard;
    }

    public FlowEntries entries() {
        return entries;
    }

    public SegmentStore segments() {
        return segments;
    }

    public SegmentIntake intake() {
        return intake;
    }

    public SectorProofs sectors() {
        return sectors;
    }

    public StorageConfig config() {
        return config;
    }

    /** The JSON-RPC URL this node is known by: the configured one, else its RPC server's. */
    public String advertisedUrl(RpcServer rpc) {
        String configured = config.advertisedUrl().trim();
        return configured.isEmpty() ? rpc.url().toString() : configured;
    }

    /** Whether this node holds every segment of the entry that its shard keeps. */
    public boolean finalized(StoredEntry entry) {
        return intake.complete(entry);
    }
}
