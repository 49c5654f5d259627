package io.zgnode.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.zgnode.api.chain.Address;
import io.zgnode.crypto.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.reflection.Parameterized;
import org.web3j.utils.Numeric;

/** Our ABI codec against web3j's, on random values of random types. */
class AbiWeb3jCrossCheckTest {
    private static final int ROUNDS = 3_000;

    /** Random types with nested tuples and arrays: our encoding equals web3j's, and we decode web3j's. */
    @Test
    void encodesAsWeb3jAndDecodesItsEncoding() {
        Random random = new Random(42);
        int dynamicTuples = 0;
        int skipped = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<AbiType> types = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            List<Type> theirs = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                AbiType type = Values.randomType(random, 3, true);
                if (!Web3jAbi.encodes(type)) {
                    skipped++;
                    i--;
                    continue;
                }
                Object value = Values.randomValue(random, type, true);
                types.add(type);
                values.add(value);
                theirs.add(Web3jAbi.toWeb3j(type, value));
                dynamicTuples += type.toString().contains("(") && type.isDynamic() ? 1 : 0;
            }
            String web3jHex = FunctionEncoder.encodeConstructor(theirs);
            byte[] ours = Abi.encode(types, values);
            assertThat(Hex.encode(ours)).as("encoding of %s", types).isEqualTo("0x" + web3jHex);
            assertThat(Values.deepEquals(Abi.decode(types, Numeric.hexStringToByteArray(web3jHex)), values))
                    .as("decoding of %s", types).isTrue();
        }
        assertThat(dynamicTuples).as("rounds with dynamic tuples").isGreaterThan(ROUNDS / 4);
        assertThat(skipped).as("types web3j cannot encode").isLessThan(ROUNDS);
    }

    /** Where web3j's encoder has known bugs, our encoding against the specification worked by hand. */
    @Test
    void fixedArraysOfDynamicTypesAndNonAsciiStrings() {
        AbiType strings = AbiType.parse("string[2]");
        assertThat(Hex.encode(Abi.encode(List.of(strings), List.of(List.of("a", "b"))))).isEqualTo("0x"
                + AbiTest.word("20") // the array is dynamic: its offset
                + AbiTest.word("40") + AbiTest.word("80") // element offsets, from the array's start
                + AbiTest.word("01") + "61" + "00".repeat(31)
                + AbiTest.word("01") + "62" + "00".repeat(31));
        AbiType array = AbiType.parse("string[]");
        assertThat(Hex.encode(Abi.encode(List.of(array), List.of(List.of("é", "€x"))))).isEqualTo("0x"
                + AbiTest.word("20")
                + AbiTest.word("02")
                + AbiTest.word("40") + AbiTest.word("80") // offsets count UTF-8 bytes
                + AbiTest.word("02") + "c3a9" + "00".repeat(30)
                + AbiTest.word("04") + "e282ac78" + "00".repeat(28));
        String text = "zgnode \u00e9\u20ac \uD83D\uDE00";
        assertThat(Hex.encode(Abi.encode(List.of(AbiType.STRING, AbiType.unsigned(8)), List.of(text, 1))))
                .isEqualTo("0x" + FunctionEncoder.encodeConstructor(List.of(new org.web3j.abi.datatypes.Utf8String(text),
                        new org.web3j.abi.datatypes.generated.Uint8(BigInteger.ONE))));
    }

    /** Random types without tuples (web3j decodes tuples only into generated classes): web3j decodes our encoding. */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void web3jDecodesOurEncoding() throws Exception {
        Random random = new Random(43);
        for (int round = 0; round < ROUNDS; round++) {
            List<AbiType> types = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            List<TypeReference<Type>> references = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                AbiType type = Values.randomType(random, 2, false);
                if (!Web3jAbi.decodes(type) || !Web3jAbi.encodes(type)) {
                    i--;
                    continue;
                }
                types.add(type);
                values.add(Values.randomValue(random, type, true));
                references.add((TypeReference) TypeReference.makeTypeReference(type.toString()));
            }
            List<Type> decoded;
            try {
                decoded = FunctionReturnDecoder.decode(Hex.encode(Abi.encode(types, values)), references);
            } catch (RuntimeException e) {
                throw new AssertionError("web3j cannot decode " + types + ": " + e, e);
            }
            List<Object> generic = new ArrayList<>();
            for (Type value : decoded) {
                generic.add(Web3jAbi.fromWeb3j(value));
            }
            assertThat(Values.deepEquals(generic, values)).as("web3j decoding of %s", types).isTrue();
        }
    }

    /** web3j's generated-style struct classes for the Flow contract's Submission. */
    public static class Node extends StaticStruct {
        public Node(Bytes32 root, Uint256 height) {
            super(root, height);
        }
    }

    public static class SubmissionData extends DynamicStruct {
        public SubmissionData(Uint256 length, DynamicBytes tags, @Parameterized(type = Node.class) DynamicArray<Node> nodes) {
            super(length, tags, nodes);
        }
    }

    public static class Submission extends DynamicStruct {
        public Submission(SubmissionData data, org.web3j.abi.datatypes.Address submitter) {
            super(data, submitter);
        }
    }

    /** The Flow submit call of the 0G SDK, built by web3j as the SDK's generated bindings would. */
    @Test
    void flowSubmitMatchesWeb3j() throws Exception {
        AbiFunction submit = AbiFunction.parse(
                "submit(((uint256 length, bytes tags, (bytes32 root, uint256 height)[] nodes) data, address submitter))");
        Random random = new Random(44);
        for (int round = 0; round < 200; round++) {
            List<Object> nodes = new ArrayList<>();
            List<Node> web3jNodes = new ArrayList<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                byte[] root = Values.bytes(random, 32);
                BigInteger height = BigInteger.valueOf(random.nextInt(40));
                nodes.add(List.of(root, height));
                web3jNodes.add(new Node(new Bytes32(root), new Uint256(height)));
            }
            BigInteger length = new BigInteger(64, random);
            byte[] tags = Values.bytes(random, random.nextInt(70));
            Address submitter = Address.of(Values.bytes(random, 20));
            List<Object> argument = List.of(List.of(length, tags, nodes), submitter);
            Submission web3jArgument = new Submission(
                    new SubmissionData(new Uint256(length), new DynamicBytes(tags), new DynamicArray<>(Node.class, web3jNodes)),
                    new org.web3j.abi.datatypes.Address(submitter.toString()));
            String web3jCalldata = FunctionEncoder.encode(new Function("submit", List.of(web3jArgument), List.of()));
            byte[] calldata = submit.encodeCall(List.of(argument));
            assertThat(Hex.encode(calldata)).isEqualTo(web3jCalldata);
            assertThat(Values.deepEquals(submit.decodeCall(Numeric.hexStringToByteArray(web3jCalldata)), List.of(argument))).isTrue();

        }
    }

    /**
     * Signatures written with names, spaces and the uint/int aliases: ours canonicalize them and
     * hash the canonical form as web3j does (web3j's own type strings for nested arrays and
     * arrays of structs are wrong in 4.12.3, so the canonical form is checked against ours).
     */
    @Test
    void selectorsAndTopicsMatchWeb3j() {
        Random random = new Random(45);
        for (int round = 0; round < 1_000; round++) {
            List<AbiType> types = new ArrayList<>();
            StringBuilder decorated = new StringBuilder("f" + round + "(");
            for (int i = random.nextInt(4); i > 0; i--) {
                AbiType type = Values.randomType(random, 3, true);
                decorated.append(types.isEmpty() ? "" : ", ").append(decorate(type, random));
                if (random.nextBoolean()) {
                    decorated.append(" name").append(i);
                }
                types.add(type);
            }
            String signature = "f" + round + AbiType.tuple(types);
            AbiFunction function = AbiFunction.parse(decorated.append(')').toString());
            assertThat(function.signature()).isEqualTo(signature);
            assertThat(Hex.encode(function.selector())).isEqualTo(org.web3j.crypto.Hash.sha3String(signature).substring(0, 10));
            assertThat(AbiEvent.parse(signature).topic0().toString()).isEqualTo(EventEncoder.buildEventSignature(signature));
        }
        assertThat(Hex.encode(AbiFunction.parse("transfer(address,uint)").selector())).isEqualTo("0xa9059cbb");
    }

    /** A type as a person might write it: component names, spaces after commas, uint for uint256. */
    private static String decorate(AbiType type, Random random) {
        switch (type.kind()) {
            case UINT:
                return type.bits() == 256 && random.nextBoolean() ? "uint" : type.toString();
            case INT:
                return type.bits() == 256 && random.nextBoolean() ? "int" : type.toString();
            case ARRAY:
                return decorate(type.elementType(), random) + "[]";
            case FIXED_ARRAY:
                return decorate(type.elementType(), random) + "[" + type.length() + "]";
            case TUPLE: {
                StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "tuple(" : "(");
                for (int i = 0; i < type.components().size(); i++) {
                    text.append(i == 0 ? "" : random.nextBoolean() ? ", " : ",").append(decorate(type.components().get(i), random));
                    if (random.nextBoolean()) {
                        text.append(" c").append(i);
                    }
                }
                return text.append(')').toString();
            }
            default:
                return type.toString();
        }
    }
}
