package io.zgnode.storage.rpc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.net.PeerNetwork;
import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcMethod;
import io.zgnode.api.rpc.RpcServer;
import io.zgnode.storage.StorageNode;
import io.zgnode.storage.peers.StorageDirectory;
import io.zgnode.storage.peers.StorageDirectory.KnownNode;
import io.zgnode.storage.peers.StorageProtocol;

/**
 * The {@code indexer_*} methods of 0G's indexer, served by every storage node for the storage
 * nodes it sees (itself and its storage peers), so the SDK's {@code new Indexer(url)} works
 * against any of them.
 */
@Component(service = RpcEndpoint.class)
public class IndexerEndpoint implements RpcEndpoint {

    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(3);

    private final StorageNode node;
    private final StorageDirectory directory;
    private final PeerNetwork network;
    private final String selfUrl;
    private final Instant since = Instant.now();

    /** A storage node as the indexer lists it. */
    public record ShardedNode(String url, ShardJson config, long latency, long since) {
    }

    /** The indexer's node list: nodes it trusts, and nodes it discovered (none: we list peers we are connected to). */
    public record ShardedNodes(List<ShardedNode> trusted, List<ShardedNode> discovered) {
    }

    @Activate
    public IndexerEndpoint(@Reference StorageNode node, @Reference StorageDirectory directory, @Reference PeerNetwork network, @Reference RpcServer rpc) {
        this.node = node;
        this.directory = directory;
        this.network = network;
        this.selfUrl = node.advertisedUrl(rpc);
    }

    @RpcMethod("indexer_getShardedNodes")
    public ShardedNodes getShardedNodes() {
        List<ShardedNode> nodes = new ArrayList<>();
        nodes.add(self());
        directory.nodes().forEach(known -> nodes.add(sharded(known)));
        return new ShardedNodes(nodes, List.of());
    }

    /** The storage nodes that hold their whole shard of the file with this root. */
    @RpcMethod("indexer_getFileLocations")
    public List<ShardedNode> getFileLocations(String root) {
        Hash fileRoot = SegmentJson.hash(root, "root");
        List<ShardedNode> holders = new ArrayList<>();
        if (node.entries().byRoot(fileRoot).stream().anyMatch(node::finalized)) {
            holders.add(self());
        }
        List<KnownNode> peers = directory.nodes();
        List<CompletableFuture<byte[]>> answers = peers.stream()
                .map(peer -> network.request(peer.peer(), StorageProtocol.FILE, fileRoot.toArray(), ASK_TIMEOUT)).toList();
        for (int i = 0; i < peers.size(); i++) {
            if (finalized(answers.get(i))) {
                holders.add(sharded(peers.get(i)));
            }
        }
        return holders;
    }

    /** Where nodes are in the world: not tracked here, so an empty map (the SDK treats it as optional). */
    @RpcMethod("indexer_getNodeLocations")
    public Map<String, Object> getNodeLocations() {
        return Map.of();
    }

    private static boolean finalized(CompletableFuture<byte[]> answer) {
        try {
            byte[] state = answer.get(ASK_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
            return state.length == 1 && state[0] == StorageProtocol.FileState.FINALIZED.ordinal();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private ShardedNode self() {
        return new ShardedNode(selfUrl, new ShardJson(node.shard().shardId(), node.shard().numShard()), 0, since.getEpochSecond());
    }

    private static ShardedNode sharded(KnownNode known) {
        return new ShardedNode(known.card().url(), new ShardJson(known.card().shard().shardId(), known.card().shard().numShard()),
                known.latencyMillis(), known.since().getEpochSecond());
    }
}
