package io.zgnode.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbiTypeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "uint256 | uint256", "uint | uint256", "int | int256", "uint8 | uint8", "int24 | int24",
        "address | address", "bool | bool", "bytes | bytes", "bytes1 | bytes1", "bytes32 | bytes32", "string | string",
        "uint256[] | uint256[]", "bytes32[4] | bytes32[4]", "uint8[2][] | uint8[2][]", "string[][3] | string[][3]",
        "(uint256,bytes) | (uint256,bytes)", "() | ()", "tuple(uint256,bool) | (uint256,bool)",
        "( uint256 length , bytes tags ,(bytes32 root, uint256 height)[] nodes) | (uint256,bytes,(bytes32,uint256)[])",
        "((uint256,bytes,(bytes32,uint256)[]),address)[] | ((uint256,bytes,(bytes32,uint256)[]),address)[]",
    })
    void parsesToCanonicalForm(String text, String canonical) {
        AbiType type = AbiType.parse(text);
        assertThat(type.toString()).isEqualTo(canonical);
        assertThat(AbiType.parse(canonical)).isEqualTo(type).hasSameHashCodeAs(type);
    }

    @Test
    void describesItsStructure() {
        AbiType submission = AbiType.parse("(uint256,bytes,(bytes32,uint256)[])");
        assertThat(submission.kind()).isEqualTo(AbiType.Kind.TUPLE);
        assertThat(submission.isDynamic()).isTrue();
        assertThat(submission.headSize()).isEqualTo(32);
        assertThat(submission.components()).containsExactly(AbiType.UINT256, AbiType.BYTES, AbiType.parse("(bytes32,uint256)[]"));
        AbiType node = submission.components().get(2).elementType();
        assertThat(node.isDynamic()).isFalse();
        assertThat(node.headSize()).isEqualTo(64);
        assertThat(AbiType.parse("uint8[3][2]").headSize()).isEqualTo(192);
        assertThat(AbiType.parse("uint8[3][2]").length()).isEqualTo(2);
        assertThat(AbiType.parse("uint8[3][2]").elementType()).isEqualTo(AbiType.parse("uint8[3]"));
        assertThat(AbiType.parse("string[2]").isDynamic()).isTrue();
        assertThat(AbiType.parse("int40").bits()).isEqualTo(40);
        assertThat(AbiType.parse("bytes7").length()).isEqualTo(7);
        assertThat(AbiType.tuple().headSize()).isZero();
        assertThatThrownBy(() -> AbiType.UINT256.elementType()).isInstanceOf(IllegalStateException.class)
                .hasMessage("uint256 has no element type");
        assertThatThrownBy(() -> AbiType.BYTES.length()).hasMessage("bytes has no length");
        assertThatThrownBy(() -> AbiType.STRING.components()).hasMessage("string has no components");
        assertThatThrownBy(() -> AbiType.BOOL.bits()).hasMessage("bool has no bits");
    }

    @Test
    void factoriesMatchTheParser() {
        assertThat(AbiType.array(AbiType.tuple(AbiType.BYTES32, AbiType.UINT256))).isEqualTo(AbiType.parse("(bytes32,uint256)[]"));
        assertThat(AbiType.fixedArray(AbiType.signed(8), 3)).isEqualTo(AbiType.parse("int8[3]"));
        assertThat(AbiType.fixedBytes(32)).isEqualTo(AbiType.BYTES32);
        assertThatThrownBy(() -> AbiType.unsigned(7)).hasMessage("integer types need a multiple of 8 bits from 8 to 256, got 7");
        assertThatThrownBy(() -> AbiType.fixedBytes(33)).hasMessage("bytesN needs N from 1 to 32, got 33");
        assertThatThrownBy(() -> AbiType.fixedArray(AbiType.BOOL, 0)).hasMessage("a fixed-size array needs a length of at least 1, got 0");
        assertThatThrownBy(() -> AbiType.array(AbiType.tuple())).hasMessage("array elements cannot be the empty tuple");
    }

    @Test
    void parsesTypeLists() {
        assertThat(AbiType.parseList("")).isEmpty();
        assertThat(AbiType.parseList("  ")).isEmpty();
        assertThat(AbiType.parseList("()")).isEmpty();
        assertThat(AbiType.parseList("address")).containsExactly(AbiType.ADDRESS);
        assertThat(AbiType.parseList("(uint256 index, bytes32 digest)")).containsExactly(AbiType.UINT256, AbiType.BYTES32);
        assertThat(AbiType.parseList("uint256, bytes32")).containsExactly(AbiType.UINT256, AbiType.BYTES32);
        assertThat(AbiType.parseList("((uint256,bytes32))")).containsExactly(AbiType.parse("(uint256,bytes32)"));
        assertThat(AbiType.parseList("(uint256,bytes32)[]")).containsExactly(AbiType.parse("(uint256,bytes32)[]"));
        assertThat(AbiType.parseList("(uint256,bytes32),bool")).containsExactly(AbiType.parse("(uint256,bytes32)"), AbiType.BOOL);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "uint7 | invalid ABI type \"uint7\": integer types need a multiple of 8 bits from 8 to 256, got 7 at position 0",
        "uint264 | invalid ABI type \"uint264\": integer types need a multiple of 8 bits from 8 to 256, got 264 at position 0",
        "uint08 | invalid ABI type \"uint08\": unknown type 'uint08' at position 0",
        "bytes0 | invalid ABI type \"bytes0\": unknown type 'bytes0' at position 0",
        "bytes33 | invalid ABI type \"bytes33\": bytesN needs N from 1 to 32, got 33 at position 0",
        "byte | invalid ABI type \"byte\": unknown type 'byte' at position 0",
        "Uint256 | invalid ABI type \"Uint256\": expected a type at position 0",
        "fixed128x18 | invalid ABI type \"fixed128x18\": type 'fixed128x18' is not supported at position 0",
        "function | invalid ABI type \"function\": type 'function' is not supported at position 0",
        "'' | invalid ABI type \"\": missing type at position 0",
        "uint256[ | invalid ABI type \"uint256[\": missing ']' at position 8",
        "uint256[0] | invalid ABI type \"uint256[0]\": array length must be at least 1 without leading zeros at position 7",
        "uint256[01] | invalid ABI type \"uint256[01]\": array length must be at least 1 without leading zeros at position 7",
        "uint256[9999999999] | invalid ABI type \"uint256[9999999999]\": array length too large at position 7",
        "uint256[x] | invalid ABI type \"uint256[x]\": expected ']' at position 8",
        "(uint256 | invalid ABI type \"(uint256\": missing ')' at position 8",
        "(uint256;bool) | invalid ABI type \"(uint256;bool)\": expected ',' or ')' at position 8",
        "(uint256,) | invalid ABI type \"(uint256,)\": expected a type at position 9",
        "(uint256 a b) | invalid ABI type \"(uint256 a b)\": unexpected 'b' at position 11",
        "(uint256 indexed a) | invalid ABI type \"(uint256 indexed a)\": unexpected 'indexed' at position 9",
        "uint256 x | invalid ABI type \"uint256 x\": unexpected 'x' at position 8",
        "()[] | array elements cannot be the empty tuple",
    })
    void rejectsInvalidTypes(String text, String message) {
        assertThatThrownBy(() -> AbiType.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void limitsNestingAndSize() {
        String deep = "(".repeat(40) + "uint256" + ")".repeat(40);
        assertThatThrownBy(() -> AbiType.parse(deep)).hasMessageContaining("nest deeper than 32");
        assertThatThrownBy(() -> AbiType.parse("uint256" + "[1]".repeat(40))).hasMessageContaining("nest deeper than 32");
        assertThatThrownBy(() -> AbiType.parse("uint256[1000000][1000]")).hasMessageContaining("more than 16777216");
        assertThat(AbiType.parse("uint256[]" + "[]".repeat(30)).isDynamic()).isTrue();
        assertThat(AbiType.parse("uint256[1000][100]").headSize()).isEqualTo(3_200_000);
    }
}
