package io.zgnode.consensus.bft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.zgnode.api.consensus.Validator;

class ProposerRotationTest {

    private static int[] counts(ValidatorSet set, long fromHeight, int heights) {
        int[] counts = new int[set.size()];
        for (long h = fromHeight; h < fromHeight + heights; h++) {
            counts[set.proposer(h, 0)]++;
        }
        return counts;
    }

    @Test
    void eachValidatorProposesInProportionToItsPowerOverEveryWindowOfTotalPower() {
        assertThat(counts(TestValidators.set(1, 2, 3, 4), 1, 1000)).containsExactly(100, 200, 300, 400);
        assertThat(counts(TestValidators.set(10, 1, 1, 1), 1, 1300)).containsExactly(1000, 100, 100, 100);
        assertThat(counts(TestValidators.set(1, 1, 1, 1), 7, 40)).containsExactly(10, 10, 10, 10);
        // any window of totalPower consecutive heights, not only from 0
        assertThat(counts(TestValidators.set(5, 3, 2), 12345, 10)).containsExactly(5, 3, 2);
    }

    @Test
    void turnsAreSpreadRatherThanInRuns() {
        ValidatorSet set = TestValidators.set(10, 1, 1, 1);
        int longestRun = 0;
        int run = 0;
        for (long h = 1; h <= 1300; h++) {
            run = set.proposer(h, 0) == 0 ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        assertThat(longestRun).as("the heavy validator's ten turns are split by the others', not one run of ten").isLessThanOrEqualTo(6);
    }

    @Test
    void theRoundAdvancesTheRotationAsAHeightDoes() {
        ValidatorSet set = TestValidators.set(3, 1, 2, 5);
        for (long h = 1; h < 50; h++) {
            assertThat(set.proposer(h, 1)).isEqualTo(set.proposer(h + 1, 0));
            assertThat(set.proposer(h, 3)).isEqualTo(set.proposer(h + 3, 0));
        }
        assertThat(set.proposer(1, 0)).isNotEqualTo(set.proposer(1, 1));
    }

    @Test
    void everyNodeComputesTheSameProposersInWhateverOrderItAsks() {
        Random random = new Random(5);
        long[] powers = {7, 13, 1, 4, 9, 2};
        ValidatorSet inOrder = TestValidators.set(powers);
        ValidatorSet shuffled = TestValidators.set(powers);
        List<Long> heights = new ArrayList<>();
        for (long h = 0; h < 500; h++) {
            heights.add(h);
        }
        java.util.Collections.shuffle(heights, random);
        int[] expected = new int[500];
        for (int h = 0; h < 500; h++) {
            expected[h] = inOrder.proposer(h, 0);
        }
        for (long h : heights) {
            assertThat(shuffled.proposer(h, 0)).isEqualTo(expected[(int) h]);
        }
    }

    @Test
    void largePowersAreNotReducedByThePeriodAndStayProportional() {
        ValidatorSet set = TestValidators.set(5_000_000, 3_000_000, 2_000_000);
        assertThat(set.totalPower()).isGreaterThan(ProposerRotation.PERIOD_LIMIT);
        int[] counts = counts(set, 1, 1000);
        assertThat(counts[0]).isBetween(499, 501);
        assertThat(counts[1]).isBetween(299, 301);
        assertThat(counts[2]).isBetween(199, 201);
        assertThat(set.proposer(1_000_000, 0)).isEqualTo(TestValidators.set(5_000_000, 3_000_000, 2_000_000).proposer(1_000_000, 0));
    }

    @Test
    void quorumsAreMoreThanTwoThirdsOfThePower() {
        ValidatorSet four = TestValidators.set(1, 1, 1, 1);
        assertThat(four.isQuorum(2)).isFalse();
        assertThat(four.isQuorum(3)).isTrue();
        assertThat(four.exceedsOneThird(1)).isFalse();
        assertThat(four.exceedsOneThird(2)).isTrue();
        ValidatorSet three = TestValidators.set(1, 1, 1);
        assertThat(three.isQuorum(2)).as("exactly two thirds is not more").isFalse();
        assertThat(three.isQuorum(3)).isTrue();
    }

    @Test
    void badSetsAreRefused() {
        assertThatThrownBy(() -> ValidatorSet.of(List.of())).hasMessageContaining("empty");
        Validator a = new Validator(TestValidators.address(0), TestValidators.pair(0).publicKey().bytes(), 1);
        Validator sameKey = new Validator(TestValidators.address(1), TestValidators.pair(0).publicKey().bytes(), 1);
        assertThatThrownBy(() -> ValidatorSet.of(List.of(a, sameKey))).hasMessageContaining("public key");
        Validator zero = new Validator(TestValidators.address(1), TestValidators.pair(1).publicKey().bytes(), 0);
        assertThatThrownBy(() -> ValidatorSet.of(List.of(a, zero))).hasMessageContaining("positive");
        Validator huge = new Validator(TestValidators.address(1), TestValidators.pair(1).publicKey().bytes(), Long.MAX_VALUE / 2);
        assertThatThrownBy(() -> ValidatorSet.of(List.of(a, huge))).hasMessageContaining("total power");
    }
}
