package io.zgnode.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zgnode.api.chain.Address;
import io.zgnode.crypto.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Encoding and decoding with the examples of the Solidity ABI specification, and their edge cases. */
class AbiTest {

    /** The Flow and Market selectors of docs/ZG-PROTOCOL.md, as the official SDK calls them. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "0xbc8c11f8 | submit(((uint256,bytes,(bytes32,uint256)[]),address))",
        "0xbc8c11f8 | submit(((uint256 length, bytes tags, (bytes32 root, uint256 height)[] nodes) data, address submitter))",
        "0xef3e12dc | submit((uint256,bytes,(bytes32,uint256)[]))",
        "0x49aa3395 | batchSubmit(((uint256,bytes,(bytes32,uint256)[]),address)[])",
        "0x80f55605 | market()",
        "0x61ec5082 | pricePerSector()",
        "0xa9059cbb | transfer(address,uint256)",
    })
    void zgProtocolSelectors(String selector, String signature) {
        AbiFunction function = AbiFunction.parse(signature);
        assertThat(Hex.encode(function.selector())).isEqualTo(selector);
        assertThat(function.selectorAsInt()).isEqualTo(Integer.parseUnsignedInt(selector.substring(2), 16));
    }

    @Test
    void specExampleBaz() {
        AbiFunction baz = AbiFunction.parse("baz(uint32 x, bool y)");
        assertCall(baz, List.of(BigInteger.valueOf(69), true), "0xcdcd77c0"
                + word("45")
                + word("01"));
    }

    @Test
    void specExampleBar() {
        AbiFunction bar = AbiFunction.parse("bar(bytes3[2])");
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        byte[] def = "def".getBytes(StandardCharsets.US_ASCII);
        assertCall(bar, List.of(List.of(abc, def)), "0xfce353f6"
                + "6162630000000000000000000000000000000000000000000000000000000000"
                + "6465660000000000000000000000000000000000000000000000000000000000");
    }

    @Test
    void specExampleSam() {
        AbiFunction sam = AbiFunction.parse("sam(bytes,bool,uint256[])");
        assertCall(sam, List.of("dave".getBytes(StandardCharsets.US_ASCII), true, integers(1, 2, 3)), "0xa5643bf2"
                + word("60")
                + word("01")
                + word("a0")
                + word("04")
                + "6461766500000000000000000000000000000000000000000000000000000000"
                + word("03")
                + word("01")
                + word("02")
                + word("03"));
    }

    @Test
    void specExampleDynamicTypes() {
        AbiFunction f = AbiFunction.parse("f(uint256,uint32[],bytes10,bytes)");
        assertCall(f, List.of(BigInteger.valueOf(0x123), integers(0x456, 0x789), "1234567890".getBytes(StandardCharsets.US_ASCII),
                "Hello, world!".getBytes(StandardCharsets.US_ASCII)), "0x8be65246"
                + word("0123")
                + word("80")
                + "3132333435363738393000000000000000000000000000000000000000000000"
                + word("e0")
                + word("02")
                + word("0456")
                + word("0789")
                + word("0d")
                + "48656c6c6f2c20776f726c642100000000000000000000000000000000000000");
    }

    @Test
    void specExampleNestedDynamicArrays() {
        AbiFunction g = AbiFunction.parse("g(uint256[][],string[])");
        assertCall(g, List.of(List.of(integers(1, 2), integers(3)), List.of("one", "two", "three")), "0x2289b18c"
                + word("40")
                + word("0140")
                + word("02")
                + word("40")
                + word("a0")
                + word("02")
                + word("01")
                + word("02")
                + word("01")
                + word("03")
                + word("03")
                + word("60")
                + word("a0")
                + word("e0")
                + word("03")
                + "6f6e650000000000000000000000000000000000000000000000000000000000"
                + word("03")
                + "74776f0000000000000000000000000000000000000000000000000000000000"
                + word("05")
                + "7468726565000000000000000000000000000000000000000000000000000000");
    }

    /** Static arrays and tuples inside static ones are encoded in place, in full (web3j 4.12.3 gets this wrong). */
    @Test
    void nestedStaticTypesAreInPlace() {
        Address a = Address.of("0x00000000000000000000000000000000000000aa");
        Address b = Address.of("0x00000000000000000000000000000000000000bb");
        List<AbiType> types = AbiType.parseList("((uint8,(bool,address)[2]),uint256[])");
        List<Object> values = List.of(List.of(BigInteger.valueOf(7), List.of(List.of(true, a), List.of(false, b))), integers(5));
        assertEncodes(types, values, "0x"
                + word("07")
                + word("01") + word("aa")
                + word("00") + word("bb")
                + word("c0") // the uint256[] comes after 5 static words and its own offset
                + word("01")
                + word("05"));
        assertEncodes(AbiType.parseList("uint8[2][2],bool"), List.of(List.of(integers(1, 2), integers(3, 4)), true), "0x"
                + word("01") + word("02") + word("03") + word("04") + word("01"));
    }

    private static void assertEncodes(List<AbiType> types, List<Object> values, String hex) {
        assertThat(Hex.encode(Abi.encode(types, values))).isEqualTo(hex);
        assertThat(Values.deepEquals(Abi.decode(types, Hex.decode(hex)), values)).isTrue();
    }

    @Test
    void signedIntegersAreSignExtended() {
        List<AbiType> types = List.of(AbiType.signed(8), AbiType.signed(256), AbiType.signed(16));
        List<Object> values = List.of(BigInteger.valueOf(-1), BigInteger.TWO.pow(255).negate(), BigInteger.valueOf(-300));
        byte[] encoded = Abi.encode(types, values);
        assertThat(Hex.encode(encoded)).isEqualTo("0x" + "ff".repeat(32) + "80" + "00".repeat(31) + "ff".repeat(30) + "fed4");
        assertThat(Abi.decode(types, encoded)).isEqualTo(values);
    }

    @Test
    void singleValuesEncodeWithoutAnOffset() {
        assertThat(Hex.encode(Abi.encode(AbiType.BYTES, new byte[] {1, 2}))).isEqualTo("0x" + word("02") + "0102" + "00".repeat(30));
        assertThat(Hex.encode(Abi.encode(List.of(AbiType.BYTES), List.of(new byte[] {1, 2}))))
                .isEqualTo("0x" + word("20") + word("02") + "0102" + "00".repeat(30));
        assertThat((byte[]) Abi.decode(AbiType.BYTES, Abi.encode(AbiType.BYTES, new byte[] {1, 2}))).containsExactly(1, 2);
        assertThat(Abi.decode(AbiType.parse("(uint8,string)"), Abi.encode(AbiType.parse("(uint8,string)"), List.of(7L, "x"))))
                .isEqualTo(List.of(BigInteger.valueOf(7), "x"));
    }

    @Test
    void encoderTakesSmallBoxedIntegers() {
        List<AbiType> types = List.of(AbiType.unsigned(8), AbiType.unsigned(64), AbiType.signed(32), AbiType.signed(8));
        assertThat(Abi.encode(types, List.of(255, 1L << 40, (short) -5, (byte) -1)))
                .isEqualTo(Abi.encode(types, List.of(BigInteger.valueOf(255), BigInteger.ONE.shiftLeft(40), BigInteger.valueOf(-5),
                        BigInteger.ONE.negate())));
    }

    @Test
    void decodedValuesAreGenericAndUnmodifiable() {
        AbiType type = AbiType.parse("(address,bool,bytes2,uint256[],string)");
        Address address = Address.of("0x00000000000000000000000000000000000000ff");
        List<Object> value = List.of(address, false, new byte[] {1, 2}, integers(5), "é");
        @SuppressWarnings("unchecked")
        List<Object> decoded = (List<Object>) Abi.decode(type, Abi.encode(type, value));
        assertThat(decoded.get(0)).isEqualTo(address);
        assertThat(decoded.get(1)).isEqualTo(Boolean.FALSE);
        assertThat((byte[]) decoded.get(2)).containsExactly(1, 2);
        assertThat(decoded.get(3)).isEqualTo(integers(5));
        assertThat(decoded.get(4)).isEqualTo("é");
        assertThatThrownBy(() -> decoded.set(0, null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) decoded.get(3)).add(1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void functionWithoutParameters() {
        AbiFunction market = AbiFunction.parse("market()", "address");
        assertThat(market.encodeCall(List.of())).isEqualTo(Hex.decode("0x80f55605"));
        assertThat(market.decodeCall(Hex.decode("0x80f55605"))).isEmpty();
        Address flow = Address.of("0x0000000000000000000000000000000000000a01");
        byte[] result = market.encodeResult(List.of(flow));
        assertThat(Hex.encode(result)).isEqualTo("0x" + word("0a01"));
        assertThat(market.decodeResult(result)).containsExactly(flow);
        assertThat(market.toString()).isEqualTo("market() returns (address)");
    }

    private static void assertCall(AbiFunction function, List<Object> arguments, String calldata) {
        byte[] encoded = function.encodeCall(arguments);
        assertThat(Hex.encode(encoded)).isEqualTo(calldata);
        assertThat(Values.deepEquals(function.decodeCall(encoded), arguments)).as("decoded %s", function).isTrue();
    }

    static String word(String hexDigits) {
        return "0".repeat(64 - hexDigits.length()) + hexDigits;
    }

    static List<Object> integers(long... values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = BigInteger.valueOf(values[i]);
        }
        return List.of(out);
    }
}
