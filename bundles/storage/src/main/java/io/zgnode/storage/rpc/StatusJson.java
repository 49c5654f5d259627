package io.zgnode.storage.rpc;

/** {@code zgs_getStatus}'s answer, as 0G's storage node gives it. */
public record StatusJson(int connectedPeers, long logSyncHeight, String logSyncBlock, long nextTxSeq, NetworkIdentity networkIdentity) {

    /** Which network and Flow contract the node serves; the SDK checks the Flow address. */
    public record NetworkIdentity(long chainId, String flowAddress, ProtocolVersion p2pProtocolVersion) {
    }

    /** The peer protocol's version. */
    public record ProtocolVersion(int major, int minor, int build) {
    }
}
