package io.zgnode.storage.rpc;

/** {@code zgs_getShardConfig}'s answer. */
public record ShardJson(int shardId, int numShard) {
}
