package io.zgnode.ledger;

import static io.zgnode.ledger.TestChain.account;
import static io.zgnode.ledger.TestChain.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Log;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.chain.Transaction;
import io.zgnode.ethereum.AbiEvent;
import io.zgnode.ethereum.AbiFunction;
import io.zgnode.ethereum.RevertReason;
import io.zgnode.ledger.execution.CallResult;

class NativeContractsTest {

    private static final AbiFunction DEPOSIT = AbiFunction.parse("deposit()");
    private static final AbiFunction TRANSFER = AbiFunction.parse("transfer(address,uint256)", "bool");
    private static final AbiFunction BALANCE_OF = AbiFunction.parse("balanceOf(address)", "uint256");
    private static final AbiFunction SET_NOTE = AbiFunction.parse("setNote((uint256,string))");
    private static final AbiFunction NOTE = AbiFunction.parse("note()", "(uint256,string)");
    private static final AbiFunction BURN = AbiFunction.parse("writeThenBurn(uint256)");
    private static final AbiFunction BROKEN = AbiFunction.parse("broken()");
    private static final AbiFunction TRY_WRITE = AbiFunction.parse("tryWrite()");
    private static final Address BOB = Address.of("0x3333333333333333333333333333333333333333");

    @TempDir
    Path dir;

    private TestChain chain;

    @BeforeEach
    void open() throws Exception {
        chain = new TestChain(dir);
        chain.ledger.addContract(new TestToken());
    }

    @AfterEach
    void close() throws Exception {
        chain.close();
    }

    @Test
    void callsAreDispatchedWithDecodedArgumentsStateAndEvents() throws Exception {
        Transaction deposit = call(0, 0, TestToken.ADDRESS, BigInteger.valueOf(1000), DEPOSIT.encodeCall(List.of()), 200_000);
        Transaction transfer = call(0, 1, TestToken.ADDRESS, BigInteger.ZERO, TRANSFER.encodeCall(List.of(BOB, BigInteger.valueOf(400))), 200_000);
        chain.submit(deposit, transfer);
        chain.produce();

        Receipt receipt = chain.ledger.receipt(transfer.hash()).orElseThrow();
        assertThat(receipt.success()).isTrue();
        assertThat(receipt.gasUsed()).isGreaterThan(21_000).isLessThan(200_000);
        Log log = receipt.logs().get(0);
        AbiEvent event = AbiEvent.parse(TestToken.TRANSFER.declaration());
        assertThat(log.address()).isEqualTo(TestToken.ADDRESS);
        assertThat(log.topics().get(0)).isEqualTo(event.topic0());
        assertThat(event.decode(log)).containsExactly(account(0), BOB, BigInteger.valueOf(400));
        assertThat(chain.ledger.balance(TestToken.ADDRESS)).as("the value sent stays with the contract").isEqualTo(BigInteger.valueOf(1000));

        assertThat(balanceOf(BOB)).isEqualTo(400);
        assertThat(balanceOf(account(0))).isEqualTo(600);
    }

    @Test
    void committedContractStorageIsReadableOutsideCalls() throws Exception {
        assertThat(chain.ledger.contractStorage(TestToken.ADDRESS, account(6).toArray())).isEmpty();
        chain.submit(call(6, 0, TestToken.ADDRESS, BigInteger.valueOf(77), DEPOSIT.encodeCall(List.of()), 200_000));
        chain.produce();
        assertThat(chain.ledger.contractStorage(TestToken.ADDRESS, account(6).toArray())).hasValueSatisfying(
                stored -> assertThat(new BigInteger(1, stored)).isEqualTo(77));
        assertThat(chain.ledger.contractStorage(BOB, account(6).toArray())).as("another contract's storage").isEmpty();
    }

    @Test
    void tuplesBindToRecords() throws Exception {
        Transaction set = call(1, 0, TestToken.ADDRESS, BigInteger.ZERO, SET_NOTE.encodeCall(List.of(List.of(BigInteger.valueOf(7), "seven"))), 200_000);
        chain.submit(set);
        chain.produce();
        CallResult result = chain.ledger.call(account(1), TestToken.ADDRESS, BigInteger.ZERO, NOTE.encodeCall(List.of()), 1_000_000);
        assertThat(result.success()).isTrue();
        assertThat(NOTE.decodeResult(result.output())).containsExactly(BigInteger.valueOf(7), "seven");
    }

    @Test
    void aRevertUndoesTheCallButChargesGasAndKeepsTheNonce() throws Exception {
        BigInteger before = chain.ledger.balance(account(2));
        Transaction transfer = call(2, 0, TestToken.ADDRESS, BigInteger.ZERO, TRANSFER.encodeCall(List.of(BOB, BigInteger.ONE)), 200_000);
        chain.submit(transfer);
        chain.produce();
        Receipt receipt = chain.ledger.receipt(transfer.hash()).orElseThrow();
        assertThat(receipt.success()).isFalse();
        assertThat(receipt.logs()).isEmpty();
        assertThat(RevertReason.decode(receipt.revertData())).contains("insufficient token balance");
        assertThat(chain.ledger.account(account(2)).nonce()).isEqualTo(1);
        assertThat(chain.ledger.balance(account(2))).isEqualTo(before.subtract(receipt.effectiveGasPrice().multiply(BigInteger.valueOf(receipt.gasUsed()))));
    }

    @Test
    void runningOutOfGasUndoesTheWritesAndUsesAllTheGas() throws Exception {
        Transaction burn = call(3, 0, TestToken.ADDRESS, BigInteger.ZERO, BURN.encodeCall(List.of(BigInteger.valueOf(10_000_000))), 100_000);
        chain.submit(burn);
        chain.produce();
        Receipt receipt = chain.ledger.receipt(burn.hash()).orElseThrow();
        assertThat(receipt.success()).isFalse();
        assertThat(receipt.gasUsed()).isEqualTo(100_000);
        assertThat(chain.store.get("state.storage", concat(TestToken.ADDRESS.toArray(), new byte[] {'w'}))).isNull();
    }

    @Test
    void aBugInAContractRevertsDeterministically() throws Exception {
        Transaction broken = call(4, 0, TestToken.ADDRESS, BigInteger.ZERO, BROKEN.encodeCall(List.of()), 100_000);
        chain.submit(broken);
        chain.produce();
        Receipt receipt = chain.ledger.receipt(broken.hash()).orElseThrow();
        assertThat(receipt.success()).isFalse();
        assertThat(RevertReason.decode(receipt.revertData())).contains("TestToken.broken() failed: IllegalStateException");
        assertThat(chain.store.get("state.storage", concat(TestToken.ADDRESS.toArray(), new byte[] {'b'}))).isNull();
    }

    @Test
    void badCallsRevertWithAReason() {
        assertThat(reason(simulate(account(0), new byte[] {1, 2, 3, 4}))).contains("TestToken has no function with selector 0x01020304");
        assertThat(reason(simulate(account(0), TRANSFER.encodeCall(List.of(BOB, BigInteger.ONE)), BigInteger.ONE))).contains("is not payable");
        byte[] truncated = java.util.Arrays.copyOf(TRANSFER.encodeCall(List.of(BOB, BigInteger.ONE)), 20);
        assertThat(reason(simulate(account(0), truncated))).startsWith("invalid arguments for TestToken.transfer(address,uint256)");
        assertThat(reason(simulate(account(0), TRY_WRITE.encodeCall(List.of())))).contains("a view function cannot write state");
        assertThat(reason(simulate(account(0), new byte[0], BigInteger.ONE))).contains("takes calls to its functions only");
    }

    @Test
    void ethCallChangesNothing() {
        Hash root = chain.ledger.head().stateRoot();
        CallResult result = simulate(account(5), DEPOSIT.encodeCall(List.of()), BigInteger.TEN);
        assertThat(result.success()).isTrue();
        assertThat(balanceOf(account(5))).as("the deposit was simulated only").isZero();
        assertThat(chain.ledger.head().stateRoot()).isEqualTo(root);
    }

    private long balanceOf(Address account) {
        CallResult result = chain.ledger.call(Address.ZERO, TestToken.ADDRESS, BigInteger.ZERO, BALANCE_OF.encodeCall(List.of(account)), 1_000_000);
        assertThat(result.success()).isTrue();
        return ((BigInteger) BALANCE_OF.decodeResult(result.output()).get(0)).longValueExact();
    }

    private CallResult simulate(Address from, byte[] data) {
        return simulate(from, data, BigInteger.ZERO);
    }

    private CallResult simulate(Address from, byte[] data, BigInteger value) {
        return chain.ledger.call(from, TestToken.ADDRESS, value, data, 1_000_000);
    }

    private static String reason(CallResult result) {
        assertThat(result.success()).isFalse();
        return RevertReason.decode(result.output()).orElseThrow();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
