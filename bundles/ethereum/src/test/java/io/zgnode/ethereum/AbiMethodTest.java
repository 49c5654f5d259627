package io.zgnode.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Hex;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A native contract's methods bound to their functions, as the ledger will bind them. */
class AbiMethodTest {
    /** Stands for the CallContext a native contract method takes first. */
    interface Context {
    }

    public record SubmitResult(BigInteger index, Hash digest, long startIndex, long length) {
    }

    /** A contract written as the api.contract package documents. */
    public static class Flow {
        public SubmitResult submit(Context context, AbiBindingTest.SubmissionWithSubmitter submission) {
            return new SubmitResult(BigInteger.valueOf(7), submission.data().nodes().get(0).root(), 1024, submission.data().length().longValue() / 256);
        }

        public Address market(Context context) {
            return Address.of("0x0000000000000000000000000000000000000a02");
        }

        public void approve(Context context, long amount) {
        }

        public int count(Context context, String label) {
            return label.length();
        }
    }

    private static Method method(String name) {
        for (Method method : Flow.class.getMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void submitDecodesIntoRecordsAndEncodesItsResult() throws Exception {
        AbiFunction submit = AbiFunction.parse("submit(((uint256,bytes,(bytes32,uint256)[]),address))", "(uint256,bytes32,uint256,uint256)");
        assertThat(Hex.encode(submit.selector())).isEqualTo("0xbc8c11f8");
        AbiMethod bound = AbiMethod.bind(submit, method("submit"), 1);
        assertThat(bound.function()).isEqualTo(submit);
        assertThat(bound.method()).isEqualTo(method("submit"));

        byte[] calldata = submit.encodeCall(List.of(AbiBindingTest.genericSubmission()));
        Object[] arguments = bound.decodeArguments(calldata);
        assertThat(arguments).hasSize(2);
        assertThat(arguments[0]).isNull();
        AbiBindingTest.SubmissionWithSubmitter submission = (AbiBindingTest.SubmissionWithSubmitter) arguments[1];
        assertThat(submission.data().length()).isEqualTo(4096);

        Object returned = method("submit").invoke(new Flow(), new Context() { }, submission);
        byte[] result = bound.encodeResult(returned);
        assertThat(submit.decodeResult(result)).containsExactly(BigInteger.valueOf(7),
                submission.data().nodes().get(0).root().toArray(), BigInteger.valueOf(1024), BigInteger.valueOf(16))
                .usingRecursiveFieldByFieldElementComparator();
        assertThat(Values.deepEquals(submit.decodeResult(result), List.of(BigInteger.valueOf(7),
                submission.data().nodes().get(0).root().toArray(), BigInteger.valueOf(1024), BigInteger.valueOf(16)))).isTrue();
    }

    @Test
    void singleAndNoReturns() {
        AbiMethod market = AbiMethod.bind(AbiFunction.parse("market()", "address"), method("market"), 1);
        byte[] result = market.encodeResult(new Flow().market(null));
        assertThat(Hex.encode(result)).isEqualTo("0x" + AbiTest.word("0a02"));
        assertThat(market.decodeArguments(Hex.decode("0x80f55605"))).containsExactly((Object) null);

        AbiMethod approve = AbiMethod.bind(AbiFunction.parse("approve(uint256)"), method("approve"), 1);
        assertThat(approve.encodeResult(null)).isEmpty();
        assertThat(approve.decodeArguments(AbiFunction.parse("approve(uint256)").encodeCall(List.of(5)))).containsExactly(null, 5L);
        assertThatThrownBy(() -> approve.decodeArguments(AbiFunction.parse("approve(uint256)").encodeCall(List.of(BigInteger.TWO.pow(64)))))
                .isInstanceOf(AbiException.class)
                .hasMessage("argument 1 of approve(uint256): uint256 value 18446744073709551616 does not fit in long");
        assertThatThrownBy(() -> approve.decodeArguments(Hex.decode("0x80f55605")))
                .isInstanceOf(AbiException.class)
                .hasMessage("calldata selector 0x80f55605 is not 0xb759f954 of approve(uint256)");

        AbiMethod count = AbiMethod.bind(AbiFunction.parse("count(string)", "uint8"), method("count"), 1);
        assertThatThrownBy(() -> count.encodeResult(300))
                .hasMessage("return value of count(string): 300 is out of range for uint8");
    }

    @Test
    void refusesBadlyDeclaredMethods() {
        String where = "method Flow.approve for approve(uint256,uint256): ";
        assertThatThrownBy(() -> AbiMethod.bind(AbiFunction.parse("approve(uint256,uint256)"), method("approve"), 1))
                .hasMessage(where + "takes 1 ABI parameters after 1 leading ones, the function 2");
        assertThatThrownBy(() -> AbiMethod.bind(AbiFunction.parse("approve(string)"), method("approve"), 1))
                .hasMessage("method Flow.approve for approve(string): parameter 2: cannot bind string to long (use String)");
        assertThatThrownBy(() -> AbiMethod.bind(AbiFunction.parse("approve(uint256)", "bool"), method("approve"), 1))
                .hasMessage("method Flow.approve for approve(uint256) returns (bool): the function returns [bool], but the method is void");
        assertThatThrownBy(() -> AbiMethod.bind(AbiFunction.parse("market()"), method("market"), 1))
                .hasMessage("method Flow.market for market(): the function returns nothing, but the method returns io.zgnode.api.chain.Address");
        assertThatThrownBy(() -> AbiMethod.bind(AbiFunction.parse("market()", "uint256"), method("market"), 1))
                .hasMessageContaining("return type: cannot bind uint256 to io.zgnode.api.chain.Address");
        assertThatThrownBy(() -> AbiMethod.bind(AbiFunction.parse("submit(((uint256,bytes,(bytes32,uint256)[]),address))", "(uint256,bytes32)"),
                method("submit"), 1))
                .hasMessageContaining("return type: cannot bind (uint256,bytes32) to " + SubmitResult.class.getName()
                        + ": the record has 4 components, the tuple 2");
    }
}
