package io.zgnode.da.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReedSolomonTest {

    private static final int SHARD = ReedSolomon.SHARD_LENGTH_MULTIPLE;
    private final Random random = new Random(2024);

    /** Random data and random sets of exactly k, and of more than k, present shards. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 3", "4, 12", "16, 48", "64, 192", "1024, 3072", "1, 1", "3, 4", "10, 13", "200, 210", "5, 70", "100, 356", "40, 1000"})
    void anyKShardsDecodeTheData(int k, int n) {
        ReedSolomon rs = ReedSolomon.of(k, n);
        int trials = n > 500 ? 4 : 12;
        for (int trial = 0; trial < trials; trial++) {
            byte[][] data = randomShards(k, SHARD * (1 + random.nextInt(3)));
            byte[][] all = extend(rs, data);
            int present = trial % 2 == 0 ? k : k + random.nextInt(n - k + 1);
            byte[][] received = keep(all, shuffledRows(n).subList(0, present));
            assertThat(rs.decode(received)).as("trial %d, rows %s", trial, presentRows(received)).isDeepEqualTo(data);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 3", "4, 12", "16, 48", "64, 192", "1024, 3072", "10, 13"})
    void decodesFromDataOnlyParityOnlyAndMixed(int k, int n) {
        ReedSolomon rs = ReedSolomon.of(k, n);
        byte[][] data = randomShards(k, 2 * SHARD);
        byte[][] all = extend(rs, data);
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < n; row++) {
            rows.add(row);
        }
        List<Integer> dataRows = rows.subList(0, k);
        List<Integer> lastK = rows.subList(n - k, n);
        List<Integer> mixed = new ArrayList<>(rows.subList(0, k / 2));
        mixed.addAll(rows.subList(n - (k - k / 2), n));
        assertThat(rs.decode(keep(all, dataRows))).isDeepEqualTo(data);
        assertThat(rs.decode(keep(all, lastK))).as("parity only where n - k >= k").isDeepEqualTo(data);
        assertThat(rs.decode(keep(all, mixed))).isDeepEqualTo(data);
    }

    /** Every one of the 495 sets of 4 rows out of 12 decodes: the code is MDS. */
    @Test
    void everyKSubsetDecodesASmallCode() {
        ReedSolomon rs = ReedSolomon.of(4, 12);
        byte[][] data = randomShards(4, SHARD);
        byte[][] all = extend(rs, data);
        int subsets = 0;
        for (int mask = 0; mask < 1 << 12; mask++) {
            if (Integer.bitCount(mask) != 4) {
                continue;
            }
            List<Integer> rows = new ArrayList<>();
            for (int row = 0; row < 12; row++) {
                if ((mask >>> row & 1) != 0) {
                    rows.add(row);
                }
            }
            assertThat(rs.decode(keep(all, rows))).as("rows %s", rows).isDeepEqualTo(data);
            subsets++;
        }
        assertThat(subsets).isEqualTo(495);
    }

    /** Shapes whose parity span and data do not fit 65536 points together: encoding goes through recovery. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"40000, 60000", "1, 65536"})
    void largestShapesBeyondTheFastLayout(int k, int n) {
        ReedSolomon rs = ReedSolomon.of(k, n);
        byte[][] data = randomShards(k, SHARD);
        byte[][] all = extend(rs, data);
        byte[][] received = keep(all, shuffledRows(n).subList(0, k));
        assertThat(rs.decode(received)).isDeepEqualTo(data);
    }

    @Test
    void encodingIsSystematicAndLeavesItsInputAlone() {
        ReedSolomon rs = ReedSolomon.of(16, 48);
        byte[][] data = randomShards(16, 3 * SHARD);
        byte[][] copy = deepCopy(data);
        byte[][] parity = rs.encode(data);
        assertThat(data).isDeepEqualTo(copy);
        assertThat(parity).hasNumberOfRows(32);
        assertThat(parity[0]).hasSize(3 * SHARD);
        byte[][] all = extend(rs, data);
        byte[][] decoded = rs.decode(all);
        for (int d = 0; d < 16; d++) {
            assertThat(decoded[d]).as("present data shards come back as they are").isSameAs(all[d]);
        }
    }

    @Test
    void decodingDoesNotChangeItsInput() {
        ReedSolomon rs = ReedSolomon.of(16, 48);
        byte[][] all = extend(rs, randomShards(16, SHARD));
        byte[][] received = keep(all, shuffledRows(48).subList(0, 20));
        byte[][] before = deepCopy(received);
        rs.decode(received);
        assertThat(received).isDeepEqualTo(before);
    }

    @Test
    void zeroParityShardsIsTheIdentity() {
        ReedSolomon rs = ReedSolomon.of(5, 5);
        byte[][] data = randomShards(5, SHARD);
        assertThat(rs.encode(data)).isEmpty();
        assertThat(rs.decode(data)).isDeepEqualTo(data);
        byte[][] missing = deepCopy(data);
        missing[2] = null;
        assertThatThrownBy(() -> rs.decode(missing)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 of 5");
    }

    /** Columns are split over threads for large shards; the result must not depend on it. */
    @Test
    void outputDoesNotDependOnTheNumberOfThreads() {
        ReedSolomon one = ReedSolomon.of(16, 48).withThreads(1);
        ReedSolomon four = ReedSolomon.of(16, 48).withThreads(4);
        byte[][] data = randomShards(16, 64 * 1024 + SHARD);
        byte[][] parity = one.encode(data);
        assertThat(four.encode(data)).isDeepEqualTo(parity);
        byte[][] all = extend(one, data);
        byte[][] received = keep(all, shuffledRows(48).subList(0, 16));
        assertThat(four.decode(received)).isDeepEqualTo(data);
        assertThat(one.decode(received)).isDeepEqualTo(data);
    }

    @Test
    void aCorruptedShardIsNotDetected() {
        ReedSolomon rs = ReedSolomon.of(4, 12);
        byte[][] data = randomShards(4, SHARD);
        byte[][] all = extend(rs, data);
        byte[][] received = keep(all, List.of(0, 5, 7, 11));
        received[7] = received[7].clone();
        received[7][10] ^= 1;
        byte[][] decoded = rs.decode(received);
        assertThat(Arrays.deepEquals(decoded, data)).as("wrong data, and no error: the Merkle proofs must catch this").isFalse();
        assertThat(decoded[0]).isEqualTo(data[0]);
    }

    @Test
    void fewerThanKShardsIsAClearError() {
        ReedSolomon rs = ReedSolomon.of(16, 48);
        byte[][] all = extend(rs, randomShards(16, SHARD));
        byte[][] received = keep(all, shuffledRows(48).subList(0, 15));
        assertThatThrownBy(() -> rs.decode(received)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("15 of 48").hasMessageContaining("at least 16");
    }

    @Test
    void badShardsAreClearErrors() {
        ReedSolomon rs = ReedSolomon.of(4, 12);
        byte[][] all = extend(rs, randomShards(4, SHARD));
        byte[][] uneven = all.clone();
        uneven[6] = new byte[2 * SHARD];
        assertThatThrownBy(() -> rs.decode(uneven)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shard 6 has 256 bytes");
        assertThatThrownBy(() -> rs.decode(Arrays.copyOf(all, 11))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 12");
        assertThatThrownBy(() -> rs.encode(randomShards(3, SHARD))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 4");
        assertThatThrownBy(() -> rs.encode(randomShards(4, 100))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 128");
        assertThatThrownBy(() -> rs.encode(randomShards(4, 0))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 128");
        byte[][] withNull = randomShards(4, SHARD);
        withNull[1] = null;
        assertThatThrownBy(() -> rs.encode(withNull)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data shard 1 is null");
    }

    @Test
    void badShapesAreClearErrors() {
        assertThatThrownBy(() -> ReedSolomon.of(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReedSolomon.of(4, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReedSolomon.of(1, 65537)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
        assertThatThrownBy(() -> ReedSolomon.of(1, 3).withThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ReedSolomon.of(1024, 3072)).satisfies(rs -> {
            assertThat(rs.dataShards()).isEqualTo(1024);
            assertThat(rs.parityShards()).isEqualTo(2048);
            assertThat(rs.totalShards()).isEqualTo(3072);
        });
    }

    @Test
    void shardLengthRoundsUpToTheMultiple() {
        assertThat(ReedSolomon.shardLength(0)).isEqualTo(128);
        assertThat(ReedSolomon.shardLength(1)).isEqualTo(128);
        assertThat(ReedSolomon.shardLength(128)).isEqualTo(128);
        assertThat(ReedSolomon.shardLength(129)).isEqualTo(256);
        assertThat(ReedSolomon.shardLength(31_744)).as("0G's row of 1024 elements of 31 bytes").isEqualTo(31_744);
        assertThatThrownBy(() -> ReedSolomon.shardLength(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private byte[][] randomShards(int count, int length) {
        SplittableRandom bytes = new SplittableRandom(random.nextLong());
        byte[][] shards = new byte[count][length];
        for (byte[] shard : shards) {
            bytes.nextBytes(shard);
        }
        return shards;
    }

    /** All n rows: the data, then the parity. */
    private static byte[][] extend(ReedSolomon rs, byte[][] data) {
        byte[][] parity = rs.encode(data);
        byte[][] all = Arrays.copyOf(data, rs.totalShards());
        System.arraycopy(parity, 0, all, data.length, parity.length);
        return all;
    }

    private List<Integer> shuffledRows(int n) {
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < n; row++) {
            rows.add(row);
        }
        Collections.shuffle(rows, random);
        return rows;
    }

    private static byte[][] keep(byte[][] all, List<Integer> rows) {
        byte[][] kept = new byte[all.length][];
        for (int row : rows) {
            kept[row] = all[row];
        }
        return kept;
    }

    private static List<Integer> presentRows(byte[][] shards) {
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < shards.length; row++) {
            if (shards[row] != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static byte[][] deepCopy(byte[][] shards) {
        byte[][] copy = new byte[shards.length][];
        for (int i = 0; i < shards.length; i++) {
            copy[i] = shards[i] == null ? null : shards[i].clone();
        }
        return copy;
    }
}
