package io.zgnode.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Java values and records to and from generic ABI values, as native contracts declare them. */
class AbiBindingTest {
    static final AbiType SUBMISSION = AbiType.parse("((uint256,bytes,(bytes32,uint256)[]),address)");

    /** The Flow contract's argument as records mirroring the tuples. */
    public record Node(Hash root, long height) {
    }

    public record SubmissionData(BigInteger length, byte[] tags, List<Node> nodes) {
    }

    public record SubmissionWithSubmitter(SubmissionData data, Address submitter) {
    }

    private static final Address SUBMITTER = Address.of("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    private static final Hash ROOT = Hash.of("0x" + "ab".repeat(32));

    static List<Object> genericSubmission() {
        return List.of(List.of(BigInteger.valueOf(4096), new byte[] {7}, List.of(List.of(ROOT.toArray(), BigInteger.valueOf(3)))), SUBMITTER);
    }

    @Test
    void recordsMirrorTuples() {
        AbiBinding binding = AbiBinding.of(SUBMISSION, SubmissionWithSubmitter.class);
        Object decoded = Abi.decode(SUBMISSION, Abi.encode(SUBMISSION, genericSubmission()));
        SubmissionWithSubmitter submission = (SubmissionWithSubmitter) binding.toJava(decoded);
        assertThat(submission.submitter()).isEqualTo(SUBMITTER);
        assertThat(submission.data().length()).isEqualTo(4096);
        assertThat(submission.data().tags()).containsExactly(7);
        assertThat(submission.data().nodes()).containsExactly(new Node(ROOT, 3));
        assertThat(Values.deepEquals(binding.toAbi(submission), genericSubmission())).isTrue();
        assertThat(binding.abiType()).isEqualTo(SUBMISSION);
        assertThat(binding.javaType()).isEqualTo(SubmissionWithSubmitter.class);
        assertThat(binding.toString()).isEqualTo(SUBMISSION + " <-> " + SubmissionWithSubmitter.class.getName());
    }

    @Test
    void integersFitOrFail() {
        AbiType uint256 = AbiType.UINT256;
        assertThat(AbiBinding.of(uint256, long.class).toJava(BigInteger.valueOf(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
        assertThat(AbiBinding.of(uint256, Integer.class).toJava(BigInteger.valueOf(7))).isEqualTo(7);
        assertThat(AbiBinding.of(AbiType.signed(8), int.class).toJava(BigInteger.valueOf(-128))).isEqualTo(-128);
        assertThatThrownBy(() -> AbiBinding.of(uint256, long.class).toJava(BigInteger.TWO.pow(63)))
                .isInstanceOf(AbiException.class)
                .hasMessage("cannot convert uint256 to long: uint256 value 9223372036854775808 does not fit in long");
        assertThatThrownBy(() -> AbiBinding.of(uint256, int.class).toJava(BigInteger.TWO.pow(31)))
                .hasMessage("cannot convert uint256 to int: uint256 value 2147483648 does not fit in int");
        assertThat(AbiBinding.of(uint256, long.class).toAbi(5L)).isEqualTo(BigInteger.valueOf(5));
        assertThatThrownBy(() -> AbiBinding.of(uint256, long.class).toAbi(-5L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot convert long to uint256: -5 is out of range for uint256");
        assertThatThrownBy(() -> AbiBinding.of(AbiType.unsigned(8), int.class).toAbi(256))
                .hasMessage("cannot convert int to uint8: 256 is out of range for uint8");
        assertThatThrownBy(() -> AbiBinding.of(uint256, BigInteger.class).toAbi(null))
                .hasMessage("cannot convert java.math.BigInteger to uint256: null for uint256");
    }

    @Test
    void listsOfRecordsAndNestedLists() throws Exception {
        Type nodes = AbiBindingTest.class.getDeclaredField("nodeList").getGenericType();
        AbiType type = AbiType.parse("(bytes32,uint256)[]");
        AbiBinding binding = AbiBinding.of(type, nodes);
        Object java = binding.toJava(List.of(List.of(ROOT.toArray(), BigInteger.ONE), List.of(new byte[32], BigInteger.TWO)));
        assertThat(java).isEqualTo(List.of(new Node(ROOT, 1), new Node(Hash.ZERO, 2)));
        assertThatThrownBy(() -> ((List<?>) java).clear()).isInstanceOf(UnsupportedOperationException.class);

        Type matrix = AbiBindingTest.class.getDeclaredField("matrix").getGenericType();
        Object ints = AbiBinding.of(AbiType.parse("uint8[2][]"), matrix).toJava(List.of(AbiTest.integers(1, 2), AbiTest.integers(3, 4)));
        assertThat(ints).isEqualTo(List.of(List.of(1, 2), List.of(3, 4)));
        assertThatThrownBy(() -> AbiBinding.of(AbiType.parse("uint8[2][]"), matrix).toAbi(List.of(List.of(1))))
                .hasMessage("cannot convert java.util.List<java.util.List<java.lang.Integer>> to uint8[2][] at [0]: uint8[2] needs 2 elements, got 1");
        Object raw = AbiBinding.of(AbiType.parse("uint8[]"), List.class).toJava(AbiTest.integers(1));
        assertThat(raw).isEqualTo(AbiTest.integers(1));
    }

    List<Node> nodeList;
    List<List<Integer>> matrix;
    List<? extends Node> wildcard;
    Map<String, Object> map;

    @Test
    void objectAndObjectArrays() {
        List<Object> generic = genericSubmission();
        AbiBinding any = AbiBinding.of(SUBMISSION, Object.class);
        assertThat(any.toJava(generic)).isSameAs(generic);
        // Object converts Java values by their runtime class: records, Hash, long, Object[]
        SubmissionWithSubmitter record = new SubmissionWithSubmitter(new SubmissionData(BigInteger.valueOf(4096), new byte[] {7},
                List.of(new Node(ROOT, 3))), SUBMITTER);
        assertThat(Values.deepEquals(any.toAbi(record), generic)).isTrue();
        Object[] tuple = {new Object[] {4096L, new byte[] {7}, List.of((Object) new Object[] {ROOT, 3})}, SUBMITTER};
        assertThat(Values.deepEquals(any.toAbi(tuple), generic)).isTrue();

        AbiBinding array = AbiBinding.of(AbiType.parse("(uint8,string)"), Object[].class);
        Object[] java = (Object[]) array.toJava(List.of(BigInteger.ONE, "x"));
        assertThat(java).containsExactly(BigInteger.ONE, "x");
        assertThat(array.toAbi(new Object[] {1, "x"})).isEqualTo(List.of(BigInteger.ONE, "x"));
        assertThatThrownBy(() -> array.toAbi(new Object[] {1}))
                .hasMessage("cannot convert java.lang.Object[] to (uint8,string): (uint8,string) needs 2 components, got 1");
        assertThatThrownBy(() -> array.toAbi(List.of(1, "x")))
                .hasMessage("cannot convert java.lang.Object[] to (uint8,string): expected Object[] for (uint8,string), got List");
    }

    @Test
    void hashesAndBytes() {
        assertThat(AbiBinding.of(AbiType.BYTES32, Hash.class).toJava(ROOT.toArray())).isEqualTo(ROOT);
        assertThat((byte[]) AbiBinding.of(AbiType.BYTES32, Hash.class).toAbi(ROOT)).isEqualTo(ROOT.toArray());
        assertThatThrownBy(() -> AbiBinding.of(AbiType.fixedBytes(4), byte[].class).toAbi(new byte[3]))
                .hasMessage("cannot convert byte[] to bytes4: bytes4 needs 4 bytes, got 3");
        assertThatThrownBy(() -> AbiBinding.of(AbiType.BYTES, byte[].class).toAbi("text"))
                .hasMessage("cannot convert byte[] to bytes: expected byte[] for bytes, got java.lang.String");
    }

    public record Positive(BigInteger value) {
        public Positive {
            if (value.signum() <= 0) {
                throw new IllegalArgumentException("must be positive");
            }
        }
    }

    private record Hidden(boolean flag, String text) {
    }

    @Test
    void recordsMayRefuseValuesAndMayBePrivate() {
        AbiBinding positive = AbiBinding.of(AbiType.parse("(int8)"), Positive.class);
        assertThat(positive.toJava(List.of(BigInteger.ONE))).isEqualTo(new Positive(BigInteger.ONE));
        assertThatThrownBy(() -> positive.toJava(List.of(BigInteger.ZERO)))
                .isInstanceOf(AbiException.class)
                .hasMessage("cannot convert (int8) to " + Positive.class.getName()
                        + ": record Positive refused the values: java.lang.IllegalArgumentException: must be positive");
        AbiBinding hidden = AbiBinding.of(AbiType.parse("(bool,string)"), Hidden.class);
        assertThat(hidden.toJava(List.of(true, "x"))).isEqualTo(new Hidden(true, "x"));
        assertThat(hidden.toAbi(new Hidden(false, "y"))).isEqualTo(List.of(false, "y"));
        assertThatThrownBy(() -> hidden.toAbi(new Positive(BigInteger.ONE)))
                .hasMessageEndingWith("expected Hidden, got " + Positive.class.getName());
    }

    @Test
    void refusesIncompatibleTypesWithAClearMessage() throws Exception {
        assertBindFails(AbiType.UINT256, String.class,
                "cannot bind uint256 to java.lang.String (use BigInteger, long, Long, int or Integer)");
        assertBindFails(AbiType.BOOL, int.class, "cannot bind bool to int (use boolean or Boolean)");
        assertBindFails(AbiType.fixedBytes(31), Hash.class, "cannot bind bytes31 to io.zgnode.api.chain.Hash (use byte[])");
        assertBindFails(AbiType.STRING, byte[].class, "cannot bind string to byte[] (use String)");
        assertBindFails(AbiType.ADDRESS, String.class, "cannot bind address to java.lang.String (use io.zgnode.api.chain.Address)");
        assertBindFails(AbiType.parse("uint8[]"), Object[].class, "cannot bind uint8[] to java.lang.Object[] (use List<T>)");
        assertBindFails(AbiType.parse("(uint8,bool)"), getClass().getDeclaredField("map").getGenericType(),
                "cannot bind (uint8,bool) to java.util.Map<java.lang.String, java.lang.Object> (use a record with the tuple's components in order, or Object[])");
        assertBindFails(AbiType.parse("(uint8)"), SubmissionWithSubmitter.class,
                "cannot bind (uint8) to " + SubmissionWithSubmitter.class.getName() + ": the record has 2 components, the tuple 1");
        assertBindFails(SUBMISSION, SubmissionData.class, "the record has 3 components, the tuple 2");
        assertBindFails(AbiType.parse("((uint256,bytes,(bytes32,string)[]),address)"), SubmissionWithSubmitter.class,
                "cannot bind ((uint256,bytes,(bytes32,string)[]),address) to " + SubmissionWithSubmitter.class.getName()
                + ": component 0 'data': cannot bind (uint256,bytes,(bytes32,string)[]) to " + SubmissionData.class.getName()
                + ": component 2 'nodes': cannot bind (bytes32,string)[] to java.util.List<" + Node.class.getName() + ">: element: "
                + "cannot bind (bytes32,string) to " + Node.class.getName() + ": component 1 'height': cannot bind string to long (use String)");
        AbiBinding wildcard = AbiBinding.of(AbiType.parse("(bytes32,uint256)[]"), getClass().getDeclaredField("wildcard").getGenericType());
        assertThat(wildcard.toJava(List.of(List.of(new byte[32], BigInteger.ONE)))).isEqualTo(List.of(new Node(Hash.ZERO, 1)));
    }

    <T> void generic(T value) {
    }

    @Test
    void refusesTypeVariables() throws Exception {
        Type variable = getClass().getDeclaredMethod("generic", Object.class).getGenericParameterTypes()[0];
        assertBindFails(AbiType.UINT256, variable, "cannot bind uint256 to T (use BigInteger, long, Long, int or Integer)");
    }

    private static void assertBindFails(AbiType abiType, Type javaType, String message) {
        assertThatThrownBy(() -> AbiBinding.of(abiType, javaType)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
