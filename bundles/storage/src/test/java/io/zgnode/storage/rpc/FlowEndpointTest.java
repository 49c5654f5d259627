package io.zgnode.storage.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.rpc.RpcException;
import io.zgnode.storage.intake.StoredEntry;
import io.zgnode.storage.merkle.FileMerkle;
import io.zgnode.storage.merkle.FileTree;
import io.zgnode.storage.merkle.SegmentData;
import io.zgnode.storage.sectors.SectorProofs;
import io.zgnode.storage.segments.SegmentBytes;
import io.zgnode.storage.segments.SegmentStore;
import io.zgnode.storage.segments.ShardConfig;
import io.zgnode.store.internal.MapDbStore;

/**
 * {@code zgs_getSectorProof} and {@code zgs_getFlowContext} as a client reads them: 0G's JSON
 * shapes, and each refusal with its JSON-RPC code. Whether the proofs are right is
 * {@code SectorProofsTest}'s job, against the Flow contract.
 */
class FlowEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] FILE = random(3000);
    private static final FileTree TREE = FileMerkle.sequential().of(FILE);
    /** The file at the start of flow segment 1, as the Flow contract places a file after a one-sector one. */
    private static final long START = 1024;

    @TempDir
    Path dir;
    private MapDbStore store;
    private SegmentStore segments;
    private final List<StoredEntry> flow = new ArrayList<>();

    @BeforeEach
    void open() {
        store = MapDbStore.open(dir.resolve("store"));
        segments = new SegmentStore(store, dir.resolve("data"));
    }

    @AfterEach
    void close() {
        segments.close();
        store.close();
    }

    @Test
    void anEmptyFlowIsItsIdentifier() {
        FlowEndpoint zgs = endpoint(ShardConfig.ALL);
        assertThat(json(zgs.getFlowContext()).toString()).isEqualTo("[\"" + Hash.ZERO + "\",1]");
        assertThat(json(zgs.getSectorProof(0, Optional.empty())).toString()).isEqualTo("{\"lemma\":[\"" + Hash.ZERO + "\"],\"path\":[]}");
    }

    @Test
    void aProofIsLemmaHashesAndPathBooleansAndTheContextARootAndALength() {
        commit(true);
        FlowEndpoint zgs = endpoint(ShardConfig.ALL);
        JsonNode context = json(zgs.getFlowContext());
        assertThat(context.size()).isEqualTo(2);
        assertThat(context.get(0).asText()).matches("0x[0-9a-f]{64}");
        assertThat(context.get(1).isIntegralNumber()).isTrue();
        assertThat(context.get(1).asLong()).isEqualTo(START + TREE.layout().paddedChunks());

        JsonNode proof = json(zgs.getSectorProof(START + 3, Optional.empty()));
        assertThat(proof.fieldNames()).toIterable().containsExactly("lemma", "path");
        assertThat(proof.get("path").size()).isEqualTo(11);
        assertThat(proof.get("path")).allMatch(JsonNode::isBoolean);
        assertThat(proof.get("lemma").size()).isEqualTo(13);
        assertThat(proof.get("lemma")).allMatch(hash -> hash.asText().matches("0x[0-9a-f]{64}"));
        assertThat(proof.get("lemma").get(12).asText()).isEqualTo(context.get(0).asText());
        assertThat(json(zgs.getSectorProof(START + 3, Optional.of(context.get(0).asText())))).isEqualTo(proof);
    }

    @Test
    void badRequestsAreInvalidParamsAndASectorOfAnotherShardAServerError() {
        commit(false);
        FlowEndpoint zgs = endpoint(new ShardConfig(0, 2));
        long length = START + TREE.layout().paddedChunks();
        assertRefused(() -> zgs.getSectorProof(length, Optional.empty()), RpcException.INVALID_PARAMS, "is past the end of the flow");
        assertRefused(() -> zgs.getSectorProof(-1, Optional.empty()), RpcException.INVALID_PARAMS, "negative");
        assertRefused(() -> zgs.getSectorProof(0, Optional.of("0x12")), RpcException.INVALID_PARAMS, "flowRoot must be a 32-byte 0x-hex hash");
        assertRefused(() -> zgs.getSectorProof(0, Optional.of(TREE.root().toString())), RpcException.INVALID_PARAMS, "is not a root the flow has had");
        assertRefused(() -> zgs.getSectorProof(START, Optional.empty()), RpcException.SERVER_ERROR, "in shard 1/2, not held here");
    }

    private FlowEndpoint endpoint(ShardConfig shard) {
        return new FlowEndpoint(new SectorProofs(new ListedEntries(flow), segments, shard, store));
    }

    private void commit(boolean hold) {
        flow.add(new StoredEntry(flow.size(), TREE.root(), FILE.length, START, TREE.submission().nodes()));
        if (hold) {
            segments.put(0, List.of(new SegmentBytes(0, SegmentData.of(FILE, 0), TREE.proof(0))));
        }
    }

    private static void assertRefused(Runnable call, int code, String reason) {
        assertThatThrownBy(call::run).isInstanceOf(RpcException.class).hasMessageContaining(reason)
                .extracting(e -> ((RpcException) e).code()).isEqualTo(code);
    }

    private static JsonNode json(Object answer) {
        return JSON.valueToTree(answer);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(9).nextBytes(bytes);
        return bytes;
    }
}
