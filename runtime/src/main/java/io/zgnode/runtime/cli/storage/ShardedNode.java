package io.zgnode.runtime.cli.storage;

import java.util.List;
import java.util.Objects;

/** A storage node as an indexer lists it: where it serves JSON-RPC, and its shard. */
public record ShardedNode(String url, Shard shard) {

    public ShardedNode {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(shard, "shard");
    }

    /** "URL (shard 0/2), URL (shard 1/2)", or "none": for messages. */
    public static String describe(List<ShardedNode> nodes) {
        return nodes.isEmpty() ? "none" : String.join(", ", nodes.stream().map(ShardedNode::toString).toList());
    }

    @Override
    public String toString() {
        return url + " (shard " + shard + ")";
    }
}
