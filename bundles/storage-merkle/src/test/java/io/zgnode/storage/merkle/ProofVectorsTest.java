package io.zgnode.storage.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;

/** Segment payloads and proofs against those the SDK's Uploader builds. */
class ProofVectorsTest {

    static Stream<Arguments> proofs() {
        return Vectors.lines("zgs-segment-proofs.jsonl").stream()
                .map(v -> Arguments.of(v.get("pattern").asText() + " " + v.get("size").asInt() + " #" + v.get("index").asInt(), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proofs")
    void matchesTheSdk(String name, JsonNode vector) {
        byte[] file = Patterns.bytes(vector.get("pattern").asText(), vector.get("size").asInt());
        int index = vector.get("index").asInt();
        FileTree tree = FileMerkle.sequential().of(file);

        byte[] data = SegmentData.of(file, index);
        SegmentProof proof = tree.proof(index);

        assertThat(tree.root()).isEqualTo(Hash.of(vector.get("root").asText()));
        assertThat(tree.layout().paddedSegments()).isEqualTo(vector.get("paddedSegments").asInt());
        assertThat(data).hasSize(vector.get("dataLength").asInt());
        assertThat(Hash.of(Keccak256.hash(data))).isEqualTo(Hash.of(vector.get("dataKeccak").asText()));
        List<Hash> lemma = new ArrayList<>();
        vector.get("lemma").forEach(h -> lemma.add(Hash.of(h.asText())));
        List<Boolean> path = new ArrayList<>();
        vector.get("path").forEach(p -> path.add(p.asBoolean()));
        assertThat(proof).isEqualTo(new SegmentProof(lemma, path));
        assertThat(tree.segment(index, data).verify()).isTrue();
    }
}
