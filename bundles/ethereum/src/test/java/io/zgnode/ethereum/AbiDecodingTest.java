package io.zgnode.ethereum;

import static io.zgnode.ethereum.AbiTest.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zgnode.crypto.Hex;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Untrusted data: everything Solidity's decoder rejects is rejected, with a message that says what and where. */
class AbiDecodingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "uint8 dirty       | uint8     | 0000000000000000000000000000000000000000000000000000000000000100 | malformed ABI data for (uint8) at [0]: uint8 value has non-zero high-order bytes",
        "uint248 dirty     | uint248   | 0100000000000000000000000000000000000000000000000000000000000000 | uint248 value has non-zero high-order bytes",
        "int8 not extended | int8      | 0000000000000000000000000000000000000000000000000000000000000080 | int8 value is not sign-extended",
        "int8 bad negative | int8      | ff0000000000000000000000000000000000000000000000000000000000007f | int8 value is not sign-extended",
        "bool 2            | bool      | 0000000000000000000000000000000000000000000000000000000000000002 | bool is neither 0 nor 1",
        "bool dirty        | bool      | 0100000000000000000000000000000000000000000000000000000000000001 | bool is neither 0 nor 1",
        "address dirty     | address   | 0000000000000000000000010000000000000000000000000000000000000000 | address has non-zero high-order bytes",
        "bytes4 padding    | bytes4    | 1122334455000000000000000000000000000000000000000000000000000000 | bytes4 value has non-zero padding",
        "short static      | uint256   | 00000000000000000000000000000000000000000000000000000000000001   | data ends at byte 31, before the word at 0",
        "empty             | uint256   | ''                                                                | data ends at byte 0, before the word at 0",
        "offset past end   | bytes     | 0000000000000000000000000000000000000000000000000000000000000020 | at [0]: offset 32 points past the end of the data",
        "offset huge       | bytes     | 0000000000000000000000000000000000000000000000010000000000000000 | at [0]: offset does not fit in 64 bits",
        "offset 2^63       | bytes     | 0000000000000000000000000000000000000000000000008000000000000000 | at [0]: offset does not fit in 63 bits",
        "length past end   | bytes     | 00000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000021 | at [0]: bytes length 33 exceeds the 0 bytes left",
        "string too long   | string    | 000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000000000000000000000000000000000000030102 | at [0]: string length 3 exceeds the 2 bytes left",
        "bad utf-8         | string    | 00000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000001ff | at [0]: string is not valid UTF-8",
        "array too long    | uint256[] | 00000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000002" + "0000000000000000000000000000000000000000000000000000000000000001 | at [0]: array length 2 needs 64 bytes, but 32 are left",
        "array length huge | uint8[]   | 0000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000000000000000000000ffffffffffffffff | at [0]: array length does not fit in 63 bits",
        "array 2^40        | uint8[]   | 00000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000010000000000 | at [0]: array length 1099511627776 needs more bytes, but 0 are left",
        "nested element    | uint8[]   | 0000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000001ff | at [0][0]: uint8 value has non-zero high-order bytes",
    })
    void rejectsMalformedData(String name, String type, String hex, String message) {
        List<AbiType> types = List.of(AbiType.parse(type));
        assertThatThrownBy(() -> Abi.decode(types, Hex.decode(hex))).isInstanceOf(AbiException.class).hasMessageContaining(message);
    }

    @Test
    void messagesNameTheTypeAndThePath() {
        List<AbiType> types = AbiType.parseList("(uint256,(bool,uint8)[])");
        byte[] data = Hex.decode(word("01") + word("40") + word("01") + word("01") + word("0100"));
        assertThatThrownBy(() -> Abi.decode(types, data))
                .hasMessage("malformed ABI data for (uint256,(bool,uint8)[]) at [1][0][1]: uint8 value has non-zero high-order bytes");
    }

    @Test
    void acceptsWhatSolidityAccepts() {
        List<AbiType> types = List.of(AbiType.BYTES, AbiType.UINT256);
        // trailing bytes after the last value, and dirty padding after a bytes value: Solidity ignores both
        byte[] data = Hex.decode(word("40") + word("07") + word("01") + "01" + "ff".repeat(31) + "abcdef");
        assertThat(Values.deepEquals(Abi.decode(types, data), List.of(new byte[] {1}, BigInteger.valueOf(7)))).isTrue();
        // a tail that is not where an encoder would put it, and two heads pointing at the same tail
        byte[] shared = Hex.decode(word("60") + word("60") + word("00") + word("02") + "abcd" + "00".repeat(30));
        assertThat(Values.deepEquals(Abi.decode(List.of(AbiType.BYTES, AbiType.BYTES), shared),
                List.of(new byte[] {(byte) 0xab, (byte) 0xcd}, new byte[] {(byte) 0xab, (byte) 0xcd}))).isTrue();
        // a last bytes value without its padding
        byte[] unpadded = Hex.decode(word("20") + word("01") + "01");
        assertThat(Values.deepEquals(Abi.decode(List.of(AbiType.BYTES), unpadded), List.of(new byte[] {1}))).isTrue();
    }

    /** Offsets pointing every element at the same content would make a few kilobytes decode into gigabytes. */
    @Test
    void refusesAliasingBombs() {
        // uint256[][][]: n inner arrays that all point at the same array of n, at every level
        int n = 100;
        StringBuilder level = new StringBuilder(word("20"));
        level.append(word(Integer.toHexString(n)));
        for (int i = 0; i < n; i++) {
            level.append(word(Integer.toHexString(32 * n))); // every element: offset to the same place after the heads
        }
        level.append(word(Integer.toHexString(n)));
        for (int i = 0; i < n; i++) {
            level.append(word(Integer.toHexString(32 * n)));
        }
        level.append(word(Integer.toHexString(n)));
        for (int i = 0; i < n; i++) {
            level.append(word("01"));
        }
        byte[] bomb = Hex.decode(level.toString());
        assertThatThrownBy(() -> Abi.decode(AbiType.parseList("uint256[][][]"), bomb))
                .hasMessageContaining("offsets point at the same content too often");
    }

    @Test
    void rejectsCallsToOtherFunctions() {
        AbiFunction transfer = AbiFunction.parse("transfer(address,uint256)");
        assertThat(Hex.encode(transfer.selector())).isEqualTo("0xa9059cbb");
        assertThatThrownBy(() -> transfer.decodeCall(Hex.decode("0x095ea7b3" + word("01") + word("02"))))
                .isInstanceOf(AbiException.class)
                .hasMessage("calldata selector 0x095ea7b3 is not 0xa9059cbb of transfer(address,uint256)");
        assertThatThrownBy(() -> transfer.decodeCall(Hex.decode("0xa9059c")))
                .hasMessage("calldata of 3 bytes has no 4-byte selector");
        assertThatThrownBy(() -> transfer.decodeCall(Hex.decode("0xa9059cbb" + word("01"))))
                .hasMessage("malformed ABI data for (address,uint256) at [1]: data ends at byte 36, before the word at 36");
        assertThat(AbiFunction.selectorOf(Hex.decode("0xa9059cbb"))).isEqualTo(0xa9059cbb).isEqualTo(transfer.selectorAsInt());
    }

    @Test
    void encoderRefusesValuesThatDoNotFit() {
        assertEncodeFails("uint8", 256, "invalid ABI value for (uint8) at [0]: 256 is out of range for uint8");
        assertEncodeFails("uint256", -1, "-1 is out of range for uint256");
        assertEncodeFails("uint256", BigInteger.TWO.pow(256), "0x10000000000000000000000000000000000000000000000000000000000000000 is out of range for uint256");
        assertEncodeFails("int8", 128, "128 is out of range for int8");
        assertEncodeFails("int8", -129, "-129 is out of range for int8");
        assertEncodeFails("uint256", "1", "expected an integer (BigInteger, Long or Integer) for uint256, got java.lang.String");
        assertEncodeFails("uint256", 1.5, "got java.lang.Double");
        assertEncodeFails("bytes32", new byte[31], "bytes32 needs 32 bytes, got 31");
        assertEncodeFails("bytes", "abc", "expected byte[] for bytes, got java.lang.String");
        assertEncodeFails("address", "0x00", "expected Address for address, got java.lang.String");
        assertEncodeFails("bool", 1, "expected Boolean for bool, got java.lang.Integer");
        assertEncodeFails("string", "\uD800", "string has an unpaired surrogate, so no UTF-8 encoding");
        assertEncodeFails("uint8[2]", List.of(1), "uint8[2] needs 2 elements, got 1");
        assertEncodeFails("uint8[]", new Object[] {1}, "expected List for uint8[], got Object[]");
        assertEncodeFails("(uint8,bool)", List.of(1), "(uint8,bool) needs 2 components, got 1");
        assertEncodeFails("(uint8,bool)[]", List.of(List.of(1, true), List.of(1, 2)), "at [0][1][1]: expected Boolean for bool, got java.lang.Integer");
        assertThatThrownBy(() -> Abi.encode(List.of(AbiType.BOOL), java.util.Collections.singletonList(null)))
                .hasMessage("invalid ABI value for (bool) at [0]: null for bool");
    }

    private static void assertEncodeFails(String type, Object value, String message) {
        assertThatThrownBy(() -> Abi.encode(List.of(AbiType.parse(type)), List.of(value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
