package io.zgnode.storage.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.zgnode.api.chain.Hash;

class SubmissionTest {
    private static final Hash H = ZeroHashes.of(0);

    @Test
    void theFlowRules() {
        assertThat(valid(262145, 10, 7)).isTrue();
        assertThat(valid(1, 0)).isTrue();
        assertThat(valid(3840, 3, 2, 1, 0)).isTrue();
        assertThat(valid(100)).as("no nodes").isFalse();
        assertThat(valid(262145, 7, 10)).as("increasing").isFalse();
        assertThat(valid(262145, 10, 10)).as("equal heights").isFalse();
        assertThat(valid(Long.MAX_VALUE, 64)).as("height 64").isFalse();
        assertThat(valid(Long.MAX_VALUE, 55)).as("the longest length").isTrue();
        assertThat(valid(Long.MAX_VALUE, 63)).as("a length too short for height 63").isFalse();
        assertThat(valid(4 * 256, 4, 0)).as("first - last = 4").isFalse();
        assertThat(valid(262145 + 128 * 256, 10, 7)).as("longer than the nodes").isFalse();
        assertThat(valid(256, 4)).as("fits a smaller shape").isFalse();
        assertThat(valid(262144, 10, 7)).as("fits 1024 chunks alone").isFalse();
    }

    @Test
    void tagsAreCopiedAndCompared() {
        byte[] tags = {1, 2};
        Submission submission = new Submission(1, tags, List.of(new SubmissionNode(H, 0)));
        tags[0] = 9;
        assertThat(submission.tags()).containsExactly(1, 2);
        assertThat(submission).isEqualTo(new Submission(1, new byte[] {1, 2}, List.of(new SubmissionNode(H, 0))));
        assertThat(submission.sectors()).isEqualTo(1);
    }

    private static boolean valid(long length, int... heights) {
        List<SubmissionNode> nodes = Arrays.stream(heights).mapToObj(h -> new SubmissionNode(H, h)).toList();
        return new Submission(length, new byte[0], nodes).isValid();
    }
}
