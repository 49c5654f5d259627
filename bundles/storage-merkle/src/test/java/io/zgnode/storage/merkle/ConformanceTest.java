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

/** Roots, counts and submissions against the official SDK's, for every vector line. */
class ConformanceTest {

    static Stream<Arguments> vectors() {
        return Stream.of("zgs-merkle-vectors.jsonl", "zgs-merkle-vectors-extra.jsonl")
                .flatMap(file -> Vectors.lines(file).stream()
                        .map(v -> Arguments.of(v.get("pattern").asText() + " " + v.get("size").asInt(), v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void matchesTheSdk(String name, JsonNode vector) {
        byte[] file = Patterns.bytes(vector.get("pattern").asText(), vector.get("size").asInt());

        FileTree tree = FileMerkle.sequential().of(file);

        assertThat(tree.root()).isEqualTo(Hash.of(vector.get("root").asText()));
        assertThat(tree.layout().chunks()).isEqualTo(vector.get("chunks").asLong());
        assertThat(tree.layout().segments()).isEqualTo(vector.get("segments").asInt());
        JsonNode expected = vector.get("submission");
        List<SubmissionNode> nodes = new ArrayList<>();
        expected.get("nodes").forEach(n -> nodes.add(new SubmissionNode(Hash.of(n.get("root").asText()), n.get("height").asInt())));
        Submission submission = tree.submission();
        assertThat(submission.length()).isEqualTo(expected.get("length").asLong());
        assertThat(submission.nodes()).isEqualTo(nodes);
        assertThat(submission.tags()).isEmpty();
        assertThat(submission.isValid()).isTrue();
        assertThat(submission.sectors()).isEqualTo(tree.layout().paddedChunks());
        assertThat(submission.root()).as("the root a node derives from the submission alone").isEqualTo(tree.root());
    }
}
