package io.zgnode.runtime.cli.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zgnode.api.chain.Hash;
import io.zgnode.runtime.cli.RpcError;

/**
 * The storage nodes a client reaches through one entry node: the nodes its indexer lists, or the
 * entry node alone when it serves no indexer. One {@link StorageNodeClient} per node URL, so that
 * each node's connections are reused across calls.
 */
public final class StorageNetwork {

    private final StorageNodeClient entry;
    private final Map<String, StorageNodeClient> clients = new ConcurrentHashMap<>();

    public StorageNetwork(StorageNodeClient entry) {
        this.entry = entry;
        clients.put(entry.url(), entry);
    }

    public StorageNodeClient entry() {
        return entry;
    }

    /** The client for a listed node (made once per URL). */
    public StorageNodeClient client(ShardedNode node) {
        return clients.computeIfAbsent(node.url(), StorageNodeClient::of);
    }

    /** Every storage node the entry node's indexer knows, each URL once; without an indexer, the entry node and its shard. */
    public List<ShardedNode> nodes() {
        try {
            return distinct(entry.shardedNodes());
        } catch (RpcError e) {
            if (e.code() != RpcError.METHOD_NOT_FOUND) {
                throw e;
            }
            return List.of(new ShardedNode(entry.url(), entry.shardConfig()));
        }
    }

    /** The nodes that hold their whole shard of the file, by the indexer; empty when none does or there is no indexer. */
    public List<ShardedNode> fileLocations(Hash root) {
        try {
            return distinct(entry.fileLocations(root));
        } catch (RpcError e) {
            if (e.code() != RpcError.METHOD_NOT_FOUND) {
                throw e;
            }
            return List.of();
        }
    }

    private static List<ShardedNode> distinct(List<ShardedNode> nodes) {
        Map<String, ShardedNode> byUrl = new LinkedHashMap<>();
        nodes.forEach(node -> byUrl.putIfAbsent(node.url(), node));
        return new ArrayList<>(byUrl.values());
    }
}
