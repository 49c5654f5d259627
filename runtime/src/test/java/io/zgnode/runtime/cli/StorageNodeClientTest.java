package io.zgnode.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.api.chain.Hash;
import io.zgnode.runtime.UserError;
import io.zgnode.runtime.cli.storage.FileInfo;
import io.zgnode.runtime.cli.storage.Shard;
import io.zgnode.runtime.cli.storage.ShardedNode;
import io.zgnode.runtime.cli.storage.StorageNodeClient;
import io.zgnode.storage.merkle.FileMerkle;
import io.zgnode.storage.merkle.FileTree;
import io.zgnode.storage.merkle.SegmentData;

/** The storage node calls with 0G's shapes, and answers of another shape named as such. */
class StorageNodeClientTest {

    private static final Hash ROOT = Hash.of("0xb236481c8daf801365d17e798661a7b3a47de5d494a93400ad2cad0d0b322202");

    private final FakeNode node = start();
    private final StorageNodeClient client = StorageNodeClient.of(node.url());

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void fileInfoReadsTheEntryAsZeroGsNodesDescribeIt() {
        node.result("zgs_getFileInfo", "{\"tx\":{\"streamIds\":[],\"data\":[],\"dataMerkleRoot\":\"" + ROOT + "\",\"merkleNodes\":[[10,\"" + ROOT
                + "\"]],\"startEntryIndex\":4096,\"size\":262145,\"seq\":7},\"finalized\":true,\"isCached\":false,\"uploadedSegNum\":2,\"pruned\":false}");
        assertThat(client.fileInfo(ROOT, true)).contains(new FileInfo(7, ROOT, 4096, 262_145, true, 2));
        assertThat(node.requests.get(0).get("params").toString()).isEqualTo("[\"" + ROOT + "\",true]");
        assertThat(client.fileInfo(ROOT, true).get().firstFlowSegment()).isEqualTo(4);

        node.result("zgs_getFileInfo", "null");
        assertThat(client.fileInfo(ROOT, false)).isEmpty();
    }

    @Test
    void integersAsHexStringsAreNotZeroGsShape() {
        node.result("zgs_getFileInfoByTxSeq", "{\"tx\":{\"dataMerkleRoot\":\"" + ROOT + "\",\"startEntryIndex\":0,\"size\":1,\"seq\":\"0x1\"}}");
        assertThatThrownBy(() -> client.fileInfo(1)).isInstanceOf(UserError.class)
                .hasMessage(node.url() + " answered zgs_getFileInfoByTxSeq with something unexpected: seq is \"0x1\", not a non-negative integer");
    }

    @Test
    void segmentsGoUpIn0GsShapeWithStandardPaddedBase64() {
        byte[] file = new byte[262_144 + 1000];
        new Random(5).nextBytes(file);
        FileTree tree = FileMerkle.sequential().of(file);
        node.result("zgs_uploadSegmentsByTxSeq", "null");

        client.uploadSegments(tree, new TreeMap<>(Map.of(0, SegmentData.of(file, 0), 1, SegmentData.of(file, 1))), 7);

        JsonNode params = node.requests.get(0).get("params");
        assertThat(params.get(1).asLong()).isEqualTo(7);
        for (int index = 0; index < 2; index++) {
            JsonNode segment = params.get(0).get(index);
            // 262,144 and 1,024 bytes: both leave a remainder of 1, so both end in "=="
            assertThat(segment.get("data").asText()).isEqualTo(Base64.getEncoder().encodeToString(SegmentData.of(file, index))).endsWith("==");
            assertThat(segment.get("root").asText()).isEqualTo(tree.root().toString());
            assertThat(segment.get("index").asInt()).isEqualTo(index);
            assertThat(segment.get("fileSize").asLong()).isEqualTo(file.length);
            assertThat(segment.get("proof").get("lemma").get(0).asText()).isEqualTo(tree.proof(index).lemma().get(0).toString());
            assertThat(segment.get("proof").get("path").get(0).asBoolean()).isEqualTo(tree.proof(index).path().get(0));
        }

        assertThatThrownBy(() -> client.uploadSegments(tree, new TreeMap<>(Map.of(1, new byte[1000])), 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("segment 1 must be 1024 bytes, got 1000");
        assertThat(node.requests).hasSize(1);
    }

    @Test
    void aSegmentThatIsNotOneIsNamed() {
        node.result("zgs_downloadSegmentWithProof", "{\"root\":\"" + ROOT + "\",\"data\":\"not base64!\",\"index\":0,"
                + "\"proof\":{\"lemma\":[\"" + ROOT + "\"],\"path\":[]},\"fileSize\":1}");
        assertThatThrownBy(() -> client.downloadSegmentWithProof(ROOT, 0)).isInstanceOf(UserError.class)
                .hasMessageStartingWith(node.url() + " answered zgs_downloadSegmentWithProof with something unexpected: not a segment with proof");
        node.result("zgs_downloadSegmentWithProof", "null");
        assertThat(client.downloadSegmentWithProof(ROOT, 0)).isEmpty();
    }

    @Test
    void theIndexerListsTrustedThenDiscoveredNodes() {
        node.result("indexer_getShardedNodes", "{\"trusted\":[{\"url\":\"http://a\",\"config\":{\"shardId\":0,\"numShard\":2},\"latency\":3,\"since\":9}],"
                + "\"discovered\":[{\"url\":\"http://b\",\"config\":{\"shardId\":1,\"numShard\":2},\"latency\":0,\"since\":0}]}");
        assertThat(client.shardedNodes()).containsExactly(new ShardedNode("http://a", new Shard(0, 2)), new ShardedNode("http://b", new Shard(1, 2)));
    }

    @Test
    void aListedNodeMustHaveAnHttpUrl() {
        assertThatThrownBy(() -> StorageNodeClient.of("tcp://10.0.0.1:5678")).isInstanceOf(UserError.class)
                .hasMessageStartingWith("storage node URL tcp://10.0.0.1:5678 is not an http:// or https:// URL");
    }

    private static FakeNode start() {
        try {
            return new FakeNode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
