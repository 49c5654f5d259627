package io.zgnode.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Log;
import io.zgnode.crypto.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Bloom;

class LogsBloomTest {

    /** go-ethereum's core/types bloom9_test.go: TestBloom and TestBloomExtensively. */
    @Test
    void goEthereumVectors() {
        LogsBloom.Builder builder = new LogsBloom.Builder();
        for (String positive : List.of("testtest", "test", "hallo", "other")) {
            builder.add(bytes(positive));
        }
        LogsBloom bloom = builder.build();
        for (String positive : List.of("testtest", "test", "hallo", "other")) {
            assertThat(bloom.mightContain(bytes(positive))).as(positive).isTrue();
        }
        for (String negative : List.of("tes", "lo")) {
            assertThat(bloom.mightContain(bytes(negative))).as(negative).isFalse();
        }

        LogsBloom.Builder hundred = new LogsBloom.Builder();
        for (int i = 0; i < 100; i++) {
            hundred.add(bytes("xxxxxxxxxx data " + i + " yyyyyyyyyyyyyy"));
        }
        assertThat(Hash.of(Keccak256.hash(hundred.build().toArray())))
                .isEqualTo(Hash.of("0xc8d3ca65cdb4874300a9e39475508f23ed6da09fdbc487f89a2dcf50b09eb263"));
    }

    @Test
    void logsSetTheBitsOfTheirAddressAndTopics() {
        Address emitter = Address.of("0x0000000000000000000000000000000000000a01");
        Hash topic = Hash.of("0x167ce04d2aa1981994d3a31695da0d785373335b1078cec239a1a3a2c7675555");
        LogsBloom bloom = LogsBloom.of(List.of(new Log(emitter, List.of(topic), new byte[] {1})));
        assertThat(bloom.mightContain(emitter)).isTrue();
        assertThat(bloom.mightContain(topic)).isTrue();
        assertThat(bloom.mightContain(Address.ZERO)).isFalse();
        assertThat(bloom.isEmpty()).isFalse();
        assertThat(bitCount(bloom)).isBetween(4, 6);
        assertThat(LogsBloom.EMPTY.isEmpty()).isTrue();
        assertThat(LogsBloom.of(List.of())).isEqualTo(LogsBloom.EMPTY);
    }

    @Test
    void combinesAndCompares() {
        Address a = Address.of("0x00000000000000000000000000000000000000aa");
        Address b = Address.of("0x00000000000000000000000000000000000000bb");
        LogsBloom first = new LogsBloom.Builder().add(a).build();
        LogsBloom second = new LogsBloom.Builder().add(b).build();
        LogsBloom both = first.or(second);
        assertThat(both).isEqualTo(new LogsBloom.Builder().add(a).add(b).build())
                .isEqualTo(new LogsBloom.Builder().add(first).add(second).build());
        assertThat(both.contains(first)).isTrue();
        assertThat(first.contains(both)).isFalse();
        assertThat(both.mightContain(a) && both.mightContain(b)).isTrue();
        assertThat(LogsBloom.of(both.toArray())).isEqualTo(both).hasSameHashCodeAs(both);
        assertThat(both.toString()).hasSize(2 + 512).startsWith("0x");
        byte[] bytes = both.toArray();
        bytes[0] = (byte) 0xff;
        assertThat(both.toArray()[0]).isNotEqualTo((byte) 0xff);
        assertThatThrownBy(() -> LogsBloom.of(new byte[255])).hasMessage("a logs bloom is 256 bytes, got 255");
    }

    /** Random logs: the same bits as web3j's Bloom. */
    @Test
    void matchesWeb3j() {
        Random random = new Random(31);
        for (int round = 0; round < 200; round++) {
            List<Log> logs = new ArrayList<>();
            Bloom theirs = new Bloom();
            for (int i = random.nextInt(6); i > 0; i--) {
                Address address = Address.of(Values.bytes(random, 20));
                List<Hash> topics = new ArrayList<>();
                theirs.add(address.toArray());
                for (int t = random.nextInt(5); t > 0; t--) {
                    Hash topic = Hash.of(Values.bytes(random, 32));
                    topics.add(topic);
                    theirs.add(topic.toArray());
                }
                logs.add(new Log(address, topics, new byte[0]));
            }
            LogsBloom ours = LogsBloom.of(logs);
            assertThat(ours.toArray()).isEqualTo(theirs.getBytes());
            for (Log log : logs) {
                assertThat(Bloom.test(ours.toArray(), log.address().toArray())).isTrue();
            }
        }
    }

    private static int bitCount(LogsBloom bloom) {
        int count = 0;
        for (byte b : bloom.toArray()) {
            count += Integer.bitCount(b & 0xff);
        }
        return count;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
