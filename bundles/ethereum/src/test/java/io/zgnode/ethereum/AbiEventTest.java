package io.zgnode.ethereum;

import static io.zgnode.ethereum.AbiTest.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Log;
import io.zgnode.crypto.Hex;
import io.zgnode.crypto.Keccak256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventValues;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Int64;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.tx.Contract;

class AbiEventTest {
    private static final Address FLOW = Address.of("0x0000000000000000000000000000000000000a01");
    private static final AbiEvent SUBMIT = AbiEvent.parse("Submit(address indexed sender, bytes32 indexed identity, "
            + "uint256 submissionIndex, uint256 startPos, uint256 length, "
            + "(uint256 length, bytes tags, (bytes32 root, uint256 height)[] nodes) submission)");

    @Test
    void flowSubmitEventOfTheProtocol() {
        assertThat(SUBMIT.signature())
                .isEqualTo("Submit(address,bytes32,uint256,uint256,uint256,(uint256,bytes,(bytes32,uint256)[]))");
        assertThat(SUBMIT.topic0()).isEqualTo(Hash.of("0x167ce04d2aa1981994d3a31695da0d785373335b1078cec239a1a3a2c7675555"));
        assertThat(SUBMIT.name()).isEqualTo("Submit");
        assertThat(SUBMIT.parameters().get(0)).isEqualTo(new AbiEvent.Parameter("sender", AbiType.ADDRESS, true));
        assertThat(SUBMIT.parameters().get(5).name()).isEqualTo("submission");
        assertThat(SUBMIT.parameters().get(5).indexed()).isFalse();

        Address sender = Address.of("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        byte[] identity = new byte[32];
        identity[31] = 9;
        List<Object> submission = List.of(BigInteger.valueOf(4096), new byte[] {1, 2},
                List.of(List.of(new byte[32], BigInteger.valueOf(4))));
        List<Object> values = List.of(sender, identity, BigInteger.valueOf(7), BigInteger.valueOf(1024), BigInteger.valueOf(16), submission);
        Log log = SUBMIT.encode(FLOW, values);
        assertThat(log.address()).isEqualTo(FLOW);
        assertThat(log.topics()).containsExactly(SUBMIT.topic0(), Hash.of(word("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")), Hash.of(identity));
        assertThat(log.data()).isEqualTo(Abi.encode(AbiType.parseList("uint256,uint256,uint256,(uint256,bytes,(bytes32,uint256)[])"),
                values.subList(2, 6)));
        assertThat(SUBMIT.matches(log)).isTrue();
        assertThat(Values.deepEquals(SUBMIT.decode(log), values)).isTrue();
    }

    @Test
    void erc20Transfer() {
        AbiEvent transfer = AbiEvent.parse("Transfer(address indexed from, address indexed to, uint256 value)");
        assertThat(transfer.topic0().toString()).isEqualTo("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
        assertThat(transfer.toString()).isEqualTo("Transfer(address indexed from,address indexed to,uint256 value)");
        Address from = Address.of("0x00000000000000000000000000000000000000f1");
        Address to = Address.of("0x00000000000000000000000000000000000000f2");
        Log log = transfer.encode(FLOW, List.of(from, to, BigInteger.TEN));
        assertThat(Hex.encode(log.data())).isEqualTo("0x" + word("0a"));
        assertThat(transfer.decode(log)).containsExactly(from, to, BigInteger.TEN);
    }

    /** Indexed reference types are hashed, per the specification's in-place encoding. */
    @Test
    void hashedIndexedValues() {
        AbiEvent event = AbiEvent.parse("E(string indexed s, bytes indexed b, uint16[] indexed a)");
        Log log = event.encode(FLOW, List.of("hello", new byte[] {1, 2, 3}, AbiTest.integers(1, 2)));
        assertThat(log.topics().get(1).toString()).isEqualTo(org.web3j.crypto.Hash.sha3String("hello"));
        assertThat(log.topics().get(2)).isEqualTo(keccak("010203"));
        assertThat(log.topics().get(3)).isEqualTo(keccak(word("01") + word("02")));
        assertThat(log.data()).isEmpty();
        List<Object> decoded = event.decode(log);
        assertThat(decoded).containsExactlyElementsOf(log.topics().subList(1, 4));

        AbiEvent nested = AbiEvent.parse("S(string[] indexed names, bytes32[1] indexed one, (uint8,string) indexed t, uint8 plain)");
        Log second = nested.encode(FLOW, List.of(List.of("a", "bc"), List.of(new byte[32]), List.of(5, "xy"), 1));
        // inside arrays and tuples, strings are padded to whole words
        assertThat(second.topics().get(1)).isEqualTo(keccak("61" + "00".repeat(31) + "6263" + "00".repeat(30)));
        assertThat(second.topics().get(2)).isEqualTo(keccak("00".repeat(32)));
        assertThat(second.topics().get(3)).isEqualTo(keccak(word("05") + "7879" + "00".repeat(30)));
        assertThat(nested.decode(second)).containsExactly(second.topics().get(1), second.topics().get(2), second.topics().get(3),
                BigInteger.ONE);
    }

    @Test
    void indexedValueTypesDecodeBack() {
        AbiEvent event = AbiEvent.parse("V(int8 indexed a, bool indexed b, bytes4 indexed c, uint64 d)");
        List<Object> values = List.of(BigInteger.valueOf(-1), true, new byte[] {1, 2, 3, 4}, BigInteger.valueOf(99));
        Log log = event.encode(FLOW, values);
        assertThat(log.topics().get(1).toString()).isEqualTo("0x" + "ff".repeat(32));
        assertThat(Values.deepEquals(event.decode(log), values)).isTrue();
    }

    @Test
    void rejectsBadDeclarationsValuesAndLogs() {
        assertThatThrownBy(() -> AbiEvent.parse("E(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d)"))
                .hasMessage("event E has 4 indexed parameters, at most 3 are allowed");
        assertThatThrownBy(() -> AbiEvent.parse("E(uint8 indexed indexed)"))
                .hasMessage("invalid event declaration \"E(uint8 indexed indexed)\": unexpected 'indexed' at position 16");
        assertThatThrownBy(() -> AbiEvent.parse("E(uint8 a indexed)"))
                .hasMessage("invalid event declaration \"E(uint8 a indexed)\": unexpected 'indexed' at position 10");
        assertThatThrownBy(() -> AbiEvent.parse("(uint8)")).hasMessageContaining("expected a name at position 0");
        AbiEvent transfer = AbiEvent.parse("Transfer(address indexed, address indexed, uint256)");
        assertThatThrownBy(() -> transfer.encode(FLOW, List.of(FLOW, FLOW)))
                .hasMessage("event Transfer(address,address,uint256) takes 3 values, got 2");
        assertThatThrownBy(() -> transfer.encode(FLOW, List.of(FLOW, "x", BigInteger.ONE)))
                .hasMessage("event Transfer parameter 1: invalid ABI value for address: expected Address for address, got java.lang.String");
        assertThatThrownBy(() -> transfer.encode(FLOW, List.of(FLOW, FLOW, -1)))
                .hasMessage("event Transfer data: invalid ABI value for (uint256) at [0]: -1 is out of range for uint256");

        Log good = transfer.encode(FLOW, List.of(FLOW, FLOW, BigInteger.ONE));
        Log otherEvent = new Log(FLOW, List.of(SUBMIT.topic0(), good.topics().get(1), good.topics().get(2)), good.data());
        assertThat(transfer.matches(otherEvent)).isFalse();
        assertThatThrownBy(() -> transfer.decode(otherEvent)).isInstanceOf(AbiException.class)
                .hasMessageStartingWith("log is not a Transfer(address,address,uint256) event: expected 3 topics starting with "
                        + transfer.topic0() + ", found 3 starting with " + SUBMIT.topic0());
        Log missingTopic = new Log(FLOW, good.topics().subList(0, 2), good.data());
        assertThatThrownBy(() -> transfer.decode(missingTopic)).hasMessageContaining("found 2 starting with");
        Log dirtyTopic = new Log(FLOW, List.of(good.topics().get(0), Hash.of("0x" + "11".repeat(32)), good.topics().get(2)), good.data());
        assertThatThrownBy(() -> transfer.decode(dirtyTopic))
                .hasMessage("event Transfer topic 1: malformed ABI data for address: address has non-zero high-order bytes");
        Log shortData = new Log(FLOW, good.topics(), new byte[31]);
        assertThatThrownBy(() -> transfer.decode(shortData))
                .hasMessage("event Transfer data: malformed ABI data for (uint256) at [0]: data ends at byte 31, before the word at 0");
    }

    /** web3j reads our logs: indexed values from the topics, the rest from the data. */
    @Test
    void web3jExtractsOurEventParameters() {
        AbiEvent ours = AbiEvent.parse("Stored(address indexed owner, uint256 indexed slot, int64 indexed delta, bytes32 key, string note, uint256[] sizes)");
        Event theirs = new Event("Stored", List.of(
                new TypeReference<org.web3j.abi.datatypes.Address>(true) { },
                new TypeReference<Uint256>(true) { },
                new TypeReference<Int64>(true) { },
                new TypeReference<Bytes32>() { },
                new TypeReference<Utf8String>() { },
                new TypeReference<DynamicArray<Uint256>>() { }));
        Random random = new Random(9);
        for (int round = 0; round < 200; round++) {
            List<Object> values = new ArrayList<>();
            for (AbiEvent.Parameter parameter : ours.parameters()) {
                values.add(Values.randomValue(random, parameter.type(), true));
            }
            Log log = ours.encode(FLOW, values);
            org.web3j.protocol.core.methods.response.Log web3jLog = new org.web3j.protocol.core.methods.response.Log();
            web3jLog.setTopics(log.topics().stream().map(Hash::toString).toList());
            web3jLog.setData(Hex.encode(log.data()));
            EventValues extracted = Contract.staticExtractEventParameters(theirs, web3jLog);
            assertThat(extracted).as("web3j recognises topic 0").isNotNull();
            List<Object> decoded = new ArrayList<>();
            for (Type<?> value : extracted.getIndexedValues()) {
                decoded.add(Web3jAbi.fromWeb3j(value));
            }
            for (Type<?> value : extracted.getNonIndexedValues()) {
                decoded.add(Web3jAbi.fromWeb3j(value));
            }
            assertThat(Values.deepEquals(decoded, values)).isTrue();
        }
    }

    private static Hash keccak(String hex) {
        return Hash.of(Keccak256.hash(Hex.decode(hex)));
    }
}
