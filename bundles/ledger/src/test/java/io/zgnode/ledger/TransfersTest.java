package io.zgnode.ledger;

import static io.zgnode.ledger.TestChain.ETHER;
import static io.zgnode.ledger.TestChain.GWEI;
import static io.zgnode.ledger.TestChain.account;
import static io.zgnode.ledger.TestChain.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.ExecutedBlock;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.chain.Transaction;
import io.zgnode.ledger.genesis.DevGenesis;
import io.zgnode.ledger.state.StateKeys;
import io.zgnode.statetree.Proof;
import io.zgnode.statetree.StateTree;

class TransfersTest {

    private static final Address RECIPIENT = Address.of("0x1111111111111111111111111111111111111111");

    @TempDir
    Path dir;

    private TestChain chain;

    @BeforeEach
    void open() throws Exception {
        chain = new TestChain(dir);
    }

    @AfterEach
    void close() throws Exception {
        chain.close();
    }

    @Test
    void genesisFundsTheDevelopmentAccounts() {
        assertThat(chain.ledger.head().number()).isZero();
        assertThat(chain.ledger.balance(Address.of("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"))).isEqualTo(DevGenesis.BALANCE);
        assertThat(chain.ledger.balance(account(9))).isEqualTo(DevGenesis.BALANCE);
        assertThat(chain.ledger.balance(RECIPIENT)).isZero();
    }

    @Test
    void aTransferMovesValueChargesTheFeeBurnsTheBaseFeeAndTipsTheProposer() throws Exception {
        BigInteger before = chain.ledger.balance(account(0));
        Transaction transfer = transfer(0, 0, RECIPIENT, ETHER);
        chain.submit(transfer);
        ExecutedBlock block = chain.produce();

        assertThat(block.block().transactions()).extracting(Transaction::hash).containsExactly(transfer.hash());
        Receipt receipt = chain.ledger.receipt(transfer.hash()).orElseThrow();
        assertThat(receipt.success()).isTrue();
        assertThat(receipt.gasUsed()).isEqualTo(21_000);
        BigInteger baseFee = block.block().header().baseFeePerGas();
        assertThat(receipt.effectiveGasPrice()).isEqualTo(baseFee.add(GWEI));
        BigInteger fee = receipt.effectiveGasPrice().multiply(BigInteger.valueOf(21_000));
        assertThat(chain.ledger.balance(RECIPIENT)).isEqualTo(ETHER);
        assertThat(chain.ledger.balance(account(0))).isEqualTo(before.subtract(ETHER).subtract(fee));
        assertThat(chain.ledger.balance(TestChain.PROPOSER)).as("the tip").isEqualTo(GWEI.multiply(BigInteger.valueOf(21_000)));
        assertThat(chain.ledger.account(account(0)).nonce()).isEqualTo(1);
        assertThat(chain.ledger.transaction(transfer.hash()).orElseThrow().from()).isEqualTo(account(0));
    }

    @Test
    void everyBlockCommitsToItsStateAndProofsCheckAgainstTheRoot() throws Exception {
        Hash genesisRoot = chain.ledger.head().stateRoot();
        chain.submit(transfer(0, 0, RECIPIENT, ETHER));
        Block block = chain.produce().block();
        assertThat(block.header().stateRoot()).isNotEqualTo(genesisRoot);
        assertThat(block.header().parentHash()).isEqualTo(chain.ledger.block(0).orElseThrow().hash());

        Ledger.AccountProof proof = chain.ledger.accountProof(RECIPIENT);
        assertThat(proof.stateRoot()).isEqualTo(block.header().stateRoot());
        Hash key = Hash.of(StateKeys.accountTreeKey(RECIPIENT));
        byte[] stored = chain.store.get(StateKeys.ACCOUNTS, RECIPIENT.toArray());
        Hash value = Hash.of(StateKeys.treeValue(stored));
        assertThat(StateTree.verify(proof.stateRoot(), key, value, Proof.fromBytes(proof.proof()))).isTrue();
        assertThat(StateTree.verify(genesisRoot, key, value, Proof.fromBytes(proof.proof()))).as("not against an older root").isFalse();

        Ledger.AccountProof absent = chain.ledger.accountProof(Address.of("0x2222222222222222222222222222222222222222"));
        assertThat(StateTree.verify(absent.stateRoot(), Hash.of(StateKeys.accountTreeKey(Address.of("0x2222222222222222222222222222222222222222"))),
                null, Proof.fromBytes(absent.proof()))).as("an absent account is proven absent").isTrue();
    }

    @Test
    void theStateRootDependsOnTheStateNotOnTheHistory() throws Exception {
        try (TestChain other = new TestChain(dir.resolve("other"))) {
            chain.submit(transfer(0, 0, RECIPIENT, ETHER), transfer(1, 0, RECIPIENT, ETHER));
            chain.produce();
            other.submit(transfer(1, 0, RECIPIENT, ETHER));
            other.produce();
            other.submit(transfer(0, 0, RECIPIENT, ETHER));
            other.produce();
            assertThat(other.ledger.balance(RECIPIENT)).isEqualTo(chain.ledger.balance(RECIPIENT));
            // the proposer got the same tips and the senders paid the same base fees
            assertThat(other.ledger.head().stateRoot()).isEqualTo(chain.ledger.head().stateRoot());
        }
    }

    @Test
    void aBlockFromAnotherNodeExecutesToTheSameHashAndATamperedOneIsRefused() throws Exception {
        try (TestChain follower = new TestChain(dir.resolve("follower"))) {
            chain.submit(transfer(0, 0, RECIPIENT, ETHER), transfer(0, 1, RECIPIENT, ETHER), transfer(2, 0, RECIPIENT, ETHER));
            Block proposed = chain.produce().block();
            assertThat(proposed.transactions()).hasSize(3);

            Block tampered = new Block(new io.zgnode.api.chain.BlockHeader(proposed.number(), proposed.hash(), proposed.header().parentHash(),
                    proposed.header().proposer(), proposed.header().timestamp(), Hash.ZERO, proposed.header().transactionsRoot(),
                    proposed.header().receiptsRoot(), proposed.header().logsBloom(), proposed.header().gasLimit(), proposed.header().gasUsed(),
                    proposed.header().baseFeePerGas()), proposed.transactions());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> follower.ledger.execute(tampered))
                    .isInstanceOf(io.zgnode.api.chain.InvalidBlockException.class);
            assertThat(follower.ledger.head().number()).as("nothing committed").isZero();

            ExecutedBlock executed = follower.ledger.execute(proposed);
            follower.ledger.commit(executed, new byte[0]);
            assertThat(follower.ledger.head()).isEqualTo(chain.ledger.head());
            assertThat(follower.ledger.balance(RECIPIENT)).isEqualTo(ETHER.multiply(BigInteger.valueOf(3)));
        }
    }

    @Test
    void transactionsOfOneSenderGoInNonceOrderAndTheCommittedChainSurvivesReopening() throws Exception {
        chain.submit(transfer(0, 2, RECIPIENT, BigInteger.ONE), transfer(0, 0, RECIPIENT, BigInteger.ONE), transfer(0, 1, RECIPIENT, BigInteger.ONE));
        assertThat(chain.ledger.pendingNonce(account(0))).isEqualTo(3);
        Block block = chain.produce().block();
        assertThat(block.transactions()).extracting(Transaction::nonce).containsExactly(0L, 1L, 2L);
        assertThat(chain.ledger.size()).isZero();
        List<Receipt> receipts = chain.ledger.receipts(1);
        assertThat(receipts).extracting(Receipt::cumulativeGasUsed).containsExactly(21_000L, 42_000L, 63_000L);

        var head = chain.ledger.head();
        chain.close();
        chain = new TestChain(dir);
        assertThat(chain.ledger.head()).isEqualTo(head);
        assertThat(chain.ledger.block(1).orElseThrow().transactions()).extracting(Transaction::hash)
                .containsExactlyElementsOf(block.transactions().stream().map(Transaction::hash).toList());
        assertThat(chain.ledger.receipts(1)).isEqualTo(receipts);
    }

    @Test
    void aNodeRefusesToReopenItsDataWithAnotherGenesis() throws Exception {
        chain.close();
        var other = TestChain.genesis(java.util.Map.of("storage", java.util.Map.of("x", 1)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TestChain(dir, other))
                .hasMessageContaining("belongs to another chain");
        chain = new TestChain(dir);
    }
}
