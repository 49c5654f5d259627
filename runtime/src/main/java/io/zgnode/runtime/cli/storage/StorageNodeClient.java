package io.zgnode.runtime.cli.storage;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.runtime.UserError;
import io.zgnode.runtime.cli.Json;
import io.zgnode.runtime.cli.RpcClient;
import io.zgnode.runtime.cli.RpcError;
import io.zgnode.storage.merkle.FileTree;
import io.zgnode.storage.merkle.SegmentProof;
import io.zgnode.storage.merkle.SegmentWithProof;

/**
 * The JSON-RPC calls a storage client makes to one 0G storage node ({@code zgs_*}) and to its
 * indexer ({@code indexer_*}), with 0G's names and shapes, as typed Java. An answer that does not
 * have the shape is a {@link UserError} naming the node and the method. Safe for use by several
 * threads at once.
 */
public final class StorageNodeClient {

    private final RpcClient rpc;

    public StorageNodeClient(RpcClient rpc) {
        this.rpc = rpc;
    }

    /**
     * A client for a node an indexer listed.
     *
     * @throws UserError when {@code url} is not an http:// or https:// URL
     */
    public static StorageNodeClient of(String url) {
        return new StorageNodeClient(RpcClient.of(url, "storage node URL"));
    }

    public String url() {
        return rpc.url().toString();
    }

    /** The Flow contract the node follows ({@code zgs_getStatus}: networkIdentity.flowAddress). */
    public Address flowAddress() {
        String method = "zgs_getStatus";
        JsonNode flow;
        try {
            flow = rpc.call(method).path("networkIdentity").path("flowAddress");
        } catch (RpcError e) {
            if (e.code() == RpcError.METHOD_NOT_FOUND) {
                throw new UserError(url() + " is not a storage node (it does not serve " + method + "): give the URL of a node with the storage feature");
            }
            throw e;
        }
        try {
            return Address.of(flow.asText());
        } catch (IllegalArgumentException e) {
            throw badAnswer(method, "networkIdentity.flowAddress " + flow + " is not an address");
        }
    }

    /** {@code zgs_getFileInfo}: the node's entry for {@code root}, or empty before it has seen one. */
    public Optional<FileInfo> fileInfo(Hash root, boolean needAvailable) {
        return fileInfo("zgs_getFileInfo", rpc.call("zgs_getFileInfo", root.toString(), needAvailable));
    }

    /** {@code zgs_getFileInfoByTxSeq}: flow entry {@code txSeq} as the node knows it, or empty before it has seen it. */
    public Optional<FileInfo> fileInfo(long txSeq) {
        return fileInfo("zgs_getFileInfoByTxSeq", rpc.call("zgs_getFileInfoByTxSeq", txSeq));
    }

    /** {@code zgs_getShardConfig}. */
    public Shard shardConfig() {
        String method = "zgs_getShardConfig";
        return shard(method, rpc.call(method));
    }

    /**
     * {@code zgs_uploadSegmentsByTxSeq}: segments of the file {@code tree} describes, each with its
     * proof, for flow entry {@code txSeq}. {@code segments} maps segment indices to their bytes as
     * {@link io.zgnode.storage.merkle.SegmentData} reads them; the arrays are sent as they are.
     */
    public void uploadSegments(FileTree tree, SortedMap<Integer, byte[]> segments, long txSeq) {
        List<UploadJson> batch = new ArrayList<>(segments.size());
        segments.forEach((index, data) -> batch.add(UploadJson.of(tree, index, data)));
        rpc.call("zgs_uploadSegmentsByTxSeq", batch, txSeq);
    }

    /**
     * {@code zgs_downloadSegmentWithProof}: segment {@code index} of the file, as the node sends it
     * (not checked here), or empty when the node does not hold it.
     */
    public Optional<SegmentWithProof> downloadSegmentWithProof(Hash root, int index) {
        String method = "zgs_downloadSegmentWithProof";
        JsonNode answer = rpc.call(method, root.toString(), index);
        if (answer.isNull()) {
            return Optional.empty();
        }
        try {
            SegmentJson json = Json.MAPPER.treeToValue(answer, SegmentJson.class);
            return Optional.of(json.toSegment());
        } catch (Exception e) {
            throw badAnswer(method, "not a segment with proof: " + e.getMessage());
        }
    }

    /** {@code indexer_getShardedNodes}: the storage nodes the indexer knows, trusted first, then discovered ones. */
    public List<ShardedNode> shardedNodes() {
        String method = "indexer_getShardedNodes";
        JsonNode answer = rpc.call(method);
        List<ShardedNode> nodes = new ArrayList<>(shardedNodes(method, answer.path("trusted")));
        nodes.addAll(shardedNodes(method, answer.path("discovered")));
        return nodes;
    }

    /** {@code indexer_getFileLocations}: the storage nodes that hold their whole shard of the file. */
    public List<ShardedNode> fileLocations(Hash root) {
        String method = "indexer_getFileLocations";
        return shardedNodes(method, rpc.call(method, root.toString()));
    }

    private Optional<FileInfo> fileInfo(String method, JsonNode answer) {
        if (answer.isNull()) {
            return Optional.empty();
        }
        JsonNode tx = answer.path("tx");
        Hash root;
        try {
            root = Hash.of(tx.path("dataMerkleRoot").asText());
        } catch (IllegalArgumentException e) {
            throw badAnswer(method, "tx.dataMerkleRoot is not a hash");
        }
        return Optional.of(new FileInfo(number(method, tx, "seq"), root, number(method, tx, "startEntryIndex"), number(method, tx, "size"),
                answer.path("finalized").asBoolean(false), answer.path("uploadedSegNum").asLong(0)));
    }

    private List<ShardedNode> shardedNodes(String method, JsonNode list) {
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw badAnswer(method, "expected a list of nodes");
        }
        List<ShardedNode> nodes = new ArrayList<>();
        for (JsonNode node : list) {
            JsonNode url = node.path("url");
            if (!url.isTextual()) {
                throw badAnswer(method, "a node without a url");
            }
            nodes.add(new ShardedNode(url.asText(), shard(method, node.path("config"))));
        }
        return nodes;
    }

    private Shard shard(String method, JsonNode config) {
        return new Shard(number(method, config, "shardId"), number(method, config, "numShard"));
    }

    /** A field that 0G's nodes give as a plain JSON integer (never a hex string: clients do arithmetic on it). */
    private long number(String method, JsonNode object, String field) {
        JsonNode value = object.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw badAnswer(method, field + " is " + (value.isMissingNode() ? "missing" : value + ", not a non-negative integer"));
        }
        return value.asLong();
    }

    private UserError badAnswer(String method, String what) {
        return new UserError(url() + " answered " + method + " with something unexpected: " + what);
    }

    /** The proof of a segment: lemma hashes 0x-hex, and the path. */
    record ProofJson(List<String> lemma, List<Boolean> path) {

        static ProofJson of(SegmentProof proof) {
            return new ProofJson(proof.lemma().stream().map(Hash::toString).toList(), proof.path());
        }
    }

    /**
     * A segment with its proof as a client sends it. The data is bytes: Jackson writes a byte[] as
     * standard base64 with padding, 0G's encoding, straight into the request body, with no string
     * of it in between (and no copy of the bytes, as a {@link SegmentWithProof} would make two).
     */
    record UploadJson(String root, byte[] data, long index, ProofJson proof, long fileSize) {

        static UploadJson of(FileTree tree, int index, byte[] data) {
            if (data.length != tree.layout().segmentDataLength(index)) {
                throw new IllegalArgumentException("segment " + index + " must be " + tree.layout().segmentDataLength(index) + " bytes, got " + data.length);
            }
            return new UploadJson(tree.root().toString(), data, index, ProofJson.of(tree.proof(index)), tree.layout().size());
        }
    }

    /**
     * A segment with its proof as 0G's nodes send it: hashes 0x-hex, data base64, decoded here by
     * the JDK's decoder (faster than Jackson's).
     */
    record SegmentJson(String root, String data, long index, ProofJson proof, long fileSize) {

        SegmentWithProof toSegment() {
            if (root == null || data == null || proof == null || proof.lemma() == null || proof.path() == null
                    || proof.path().contains(null) || index < 0 || index > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("it needs root, data, index, proof {lemma, path} and fileSize");
            }
            List<Hash> lemma = proof.lemma().stream().map(Hash::of).toList();
            return new SegmentWithProof(Hash.of(root), Base64.getDecoder().decode(data), (int) index, new SegmentProof(lemma, proof.path()),
                    fileSize);
        }
    }
}
