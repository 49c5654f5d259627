package io.zgnode.da.contracts;

import static io.zgnode.da.contracts.DaChain.ETHER;
import static io.zgnode.da.contracts.DaChain.account;
import static io.zgnode.da.contracts.DaChain.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Log;
import io.zgnode.api.chain.Receipt;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.ethereum.AbiEvent;
import io.zgnode.ethereum.AbiFunction;
import io.zgnode.ledger.genesis.DevGenesis;
import io.zgnode.ledger.execution.CallResult;

class DaSignersContractTest {

    private static final AbiFunction REGISTER = AbiFunction.parse("registerSigner(string)");
    private static final AbiFunction UPDATE_SOCKET = AbiFunction.parse("updateSocket(string)");
    private static final AbiFunction EPOCH_NUMBER = AbiFunction.parse("epochNumber()", "uint256");
    private static final AbiFunction IS_SIGNER = AbiFunction.parse("isSigner(address)", "bool");
    private static final AbiFunction QUORUM_COUNT = AbiFunction.parse("quorumCount(uint256)", "uint256");
    private static final AbiFunction GET_QUORUM = AbiFunction.parse("getQuorum(uint256,uint256)", "address[]");
    private static final AbiFunction GET_SIGNER = AbiFunction.parse("getSigner(address[])", "(address,string,uint256,uint256)[]");
    private static final AbiEvent NEW_SIGNER = AbiEvent.parse("NewSigner(address indexed signer, uint256 stake, string socket)");
    private static final AbiEvent SOCKET_UPDATED = AbiEvent.parse("SocketUpdated(address indexed signer, string socket)");
    private static final long EPOCH_BLOCKS = 4;
    private static final BigInteger GENESIS_STAKE = BigInteger.TEN.multiply(ETHER);

    @TempDir
    Path dir;

    private final List<PrivateKey> genesisSigners = DaChain.signerKeys(2);
    private DaChain chain;
    private Address registry;

    @BeforeEach
    void open() throws Exception {
        chain = new DaChain(dir, DaChain.section(EPOCH_BLOCKS, genesisSigners, GENESIS_STAKE));
        registry = chain.genesis.registry();
    }

    @AfterEach
    void close() throws Exception {
        chain.close();
    }

    @Test
    void bothContractsRunAtTheGenesisAddresses() {
        assertThat(chain.ledger.contracts().names()).containsEntry(DaGenesis.DEFAULT_REGISTRY, "DASigners")
                .containsEntry(DaGenesis.DEFAULT_ENTRANCE, "DAEntrance");
    }

    @Test
    void aRegistrationLocksTheStakeAndCountsFromTheNextEpoch() throws Exception {
        chain.advanceTo(1);
        BigInteger stake = ETHER.multiply(BigInteger.valueOf(3));

        Receipt receipt = chain.execute(1, registry, stake, REGISTER.encodeCall(List.of("http://127.0.0.1:9001")));

        assertThat(receipt.success()).as(reason(receipt)).isTrue();
        assertThat(chain.genesis.epochOf(receipt.blockNumber())).isOne();
        assertThat(receipt.logs()).hasSize(1);
        Log log = receipt.logs().get(0);
        assertThat(log.address()).isEqualTo(registry);
        assertThat(NEW_SIGNER.decode(log)).containsExactly(account(1), stake, "http://127.0.0.1:9001");
        assertThat(chain.ledger.balance(registry)).as("the stake stays in the registry").isEqualTo(stake);

        Signer signer = chain.registry().signer(account(1)).orElseThrow();
        assertThat(signer).isEqualTo(new Signer(account(1), stake, "http://127.0.0.1:9001", 2));
        assertThat(chain.registry().signers(1)).extracting(Signer::address).doesNotContain(account(1)).hasSize(2);
        assertThat(chain.registry().signers(2)).extracting(Signer::address).contains(account(1)).hasSize(3).isSorted();
        assertThat(view(IS_SIGNER, account(1))).isEqualTo(true);
        assertThat(view(IS_SIGNER, account(2))).isEqualTo(false);
    }

    @Test
    void aStakeBelowTheMinimumIsRefusedAndChangesNothing() throws Exception {
        BigInteger balance = chain.ledger.balance(account(1));
        Receipt receipt = chain.execute(1, registry, ETHER.subtract(BigInteger.ONE), REGISTER.encodeCall(List.of("http://a")));

        assertThat(receipt.success()).isFalse();
        assertThat(reason(receipt)).isEqualTo("a stake of 999999999999999999 wei is below the minimum stake of 1000000000000000000 wei");
        assertThat(receipt.logs()).isEmpty();
        assertThat(chain.registry().signer(account(1))).isEmpty();
        assertThat(chain.ledger.balance(registry)).isZero();
        assertThat(chain.ledger.balance(account(1))).as("only the fee is gone").isGreaterThan(balance.subtract(ETHER.divide(BigInteger.TEN)));
        assertThat(chain.ledger.contractStorage(registry, new byte[] {'n'})).isEmpty();
    }

    @Test
    void aSignerCannotRegisterTwice() throws Exception {
        assertThat(chain.execute(1, registry, ETHER, REGISTER.encodeCall(List.of("http://a"))).success()).isTrue();

        Receipt again = chain.execute(1, registry, ETHER, REGISTER.encodeCall(List.of("http://b")));
        assertThat(again.success()).isFalse();
        assertThat(reason(again)).isEqualTo(account(1) + " is already a signer");
        assertThat(chain.registry().signer(account(1)).orElseThrow().socket()).isEqualTo("http://a");
        assertThat(chain.ledger.balance(registry)).isEqualTo(ETHER);
    }

    @Test
    void socketsMustBeOneTo256Bytes() throws Exception {
        Receipt empty = chain.execute(1, registry, ETHER, REGISTER.encodeCall(List.of("")));
        assertThat(reason(empty)).isEqualTo("a socket is 1 to 256 bytes of UTF-8, got 0");
        Receipt tooLong = chain.execute(1, registry, ETHER, REGISTER.encodeCall(List.of("é".repeat(129))));
        assertThat(reason(tooLong)).isEqualTo("a socket is 1 to 256 bytes of UTF-8, got 258");
        assertThat(chain.execute(1, registry, ETHER, REGISTER.encodeCall(List.of("é".repeat(128)))).success()).isTrue();
    }

    @Test
    void onlySignersUpdateTheirSocket() throws Exception {
        Receipt stranger = chain.execute(2, registry, BigInteger.ZERO, UPDATE_SOCKET.encodeCall(List.of("http://x")));
        assertThat(stranger.success()).isFalse();
        assertThat(reason(stranger)).isEqualTo(account(2) + " is not a signer");

        chain.execute(1, registry, ETHER, REGISTER.encodeCall(List.of("http://old")));
        Receipt updated = chain.execute(1, registry, BigInteger.ZERO, UPDATE_SOCKET.encodeCall(List.of("http://new")));
        assertThat(updated.success()).as(reason(updated)).isTrue();
        assertThat(SOCKET_UPDATED.decode(updated.logs().get(0))).containsExactly(account(1), "http://new");
        assertThat(chain.registry().signer(account(1)).orElseThrow().socket()).isEqualTo("http://new");
        assertThat(chain.execute(1, registry, BigInteger.ZERO, UPDATE_SOCKET.encodeCall(List.of(""))).success()).isFalse();
    }

    @Test
    void aGenesisSignerIsOneAlreadyAndItsSocketUpdateOverridesTheGenesis(@TempDir Path other) throws Exception {
        // development account 3 as a genesis signer, so that it has a balance to send from
        try (DaChain funded = new DaChain(other, DaChain.section(EPOCH_BLOCKS, List.of(DevGenesis.key(3)), GENESIS_STAKE))) {
            assertThat(funded.registry().signer(account(3)).orElseThrow().socket()).isEqualTo("http://signer0");
            Receipt register = funded.execute(3, registry, ETHER, REGISTER.encodeCall(List.of("http://again")));
            assertThat(reason(register)).isEqualTo(account(3) + " is already a signer");

            assertThat(funded.execute(3, registry, BigInteger.ZERO, UPDATE_SOCKET.encodeCall(List.of("http://moved"))).success()).isTrue();
            Signer moved = funded.registry().signer(account(3)).orElseThrow();
            assertThat(moved).isEqualTo(new Signer(account(3), GENESIS_STAKE, "http://moved", 0));
            assertThat(funded.registry().signers(0)).containsExactly(moved);
        }
    }

    @Test
    void theViewsOverCommittedStateAgreeWithTheContract() throws Exception {
        chain.execute(1, registry, ETHER.multiply(BigInteger.valueOf(5)), REGISTER.encodeCall(List.of("http://one")));
        chain.advanceTo(1);
        chain.execute(2, registry, ETHER.multiply(BigInteger.valueOf(7)), REGISTER.encodeCall(List.of("http://two")));
        assertThat(view(EPOCH_NUMBER)).isEqualTo(BigInteger.valueOf(chain.nextEpoch()));

        DaRegistryView outside = chain.registry();
        List<Address> everyone = new ArrayList<>(genesisSigners.stream().map(k -> Address.of(k.address())).toList());
        everyone.add(account(1));
        everyone.add(account(2));
        for (long epoch = 0; epoch <= 3; epoch++) {
            assertThat(view(QUORUM_COUNT, BigInteger.valueOf(epoch))).isEqualTo(BigInteger.valueOf(outside.quorumCount(epoch)));
            assertThat(view(GET_QUORUM, BigInteger.valueOf(epoch), BigInteger.ZERO)).as("epoch %d", epoch)
                    .isEqualTo(outside.quorum(epoch, 0).rowSigners());
        }
        assertThat(outside.quorum(0, 0).members()).hasSize(2);
        assertThat(outside.quorum(1, 0).members()).hasSize(3);
        assertThat(outside.quorum(2, 0).members()).hasSize(4);

        @SuppressWarnings("unchecked")
        List<List<Object>> signers = (List<List<Object>>) view(GET_SIGNER, everyone);
        assertThat(signers).hasSize(4);
        for (int i = 0; i < everyone.size(); i++) {
            Signer signer = outside.signer(everyone.get(i)).orElseThrow();
            assertThat(signers.get(i)).containsExactly(signer.address(), signer.socket(), signer.stake(), BigInteger.valueOf(signer.fromEpoch()));
        }
        assertThat(signers.get(3)).containsExactly(account(2), "http://two", ETHER.multiply(BigInteger.valueOf(7)), BigInteger.TWO);
    }

    @Test
    void questionsWithoutAnAnswerRevertWithTheReason() throws Exception {
        CallResult stranger = chain.call(registry, GET_SIGNER.encodeCall(List.of(List.of(account(5)))));
        assertThat(stranger.success()).isFalse();
        assertThat(reason(stranger)).isEqualTo(account(5) + " is not a signer");
        assertThat(reason(chain.call(registry, GET_QUORUM.encodeCall(List.of(BigInteger.ZERO, BigInteger.ONE)))))
                .isEqualTo("quorum 1 does not exist in epoch 0, which has 1");
        assertThat(reason(chain.call(registry, GET_QUORUM.encodeCall(List.of(BigInteger.ZERO, BigInteger.ONE.shiftLeft(40))))))
                .isEqualTo("quorum 1099511627776 does not exist in epoch 0");
        assertThat(reason(chain.call(registry, QUORUM_COUNT.encodeCall(List.of(BigInteger.ONE.shiftLeft(100)))))).contains("does not fit in long");
    }

    @Test
    void anEpochWithoutSignersHasNoQuorum(@TempDir Path other) throws Exception {
        try (DaChain empty = new DaChain(other, DaChain.section(EPOCH_BLOCKS, List.of(), GENESIS_STAKE))) {
            Address at = empty.genesis.registry();
            assertThat(empty.call(at, QUORUM_COUNT.encodeCall(List.of(BigInteger.ZERO))).output())
                    .isEqualTo(QUORUM_COUNT.encodeResult(List.of(BigInteger.ZERO)));
            assertThat(reason(empty.call(at, GET_QUORUM.encodeCall(List.of(BigInteger.ZERO, BigInteger.ZERO)))))
                    .isEqualTo("epoch 0 has no quorum: no signer is active in it");

            empty.execute(1, at, ETHER, REGISTER.encodeCall(List.of("http://first")));
            assertThat(empty.registry().quorumCount(0)).isZero();
            assertThat(empty.registry().quorumCount(1)).isOne();
            assertThat(empty.registry().quorum(1, 0).rowSigners()).containsOnly(account(1));
        }
    }

    private Object view(AbiFunction function, Object... arguments) {
        CallResult result = chain.call(registry, function.encodeCall(List.of(arguments)));
        assertThat(result.success()).as(reason(result)).isTrue();
        return function.decodeResult(result.output()).get(0);
    }
}
