package io.zgnode.ledger;

import static io.zgnode.ledger.TestChain.CHAIN_ID;
import static io.zgnode.ledger.TestChain.ETHER;
import static io.zgnode.ledger.TestChain.GWEI;
import static io.zgnode.ledger.TestChain.account;
import static io.zgnode.ledger.TestChain.key;
import static io.zgnode.ledger.TestChain.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.chain.TransactionRejectedException;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.ethereum.UnsignedTransaction;
import io.zgnode.ledger.genesis.DevGenesis;

/** Every way a transaction is refused: one clear line, and the pool and state unchanged. */
class PoolTest {

    private static final Address TO = Address.of("0x4444444444444444444444444444444444444444");

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
    void wrongChainId() {
        Transaction other = UnsignedTransaction.eip1559(1, 0, GWEI, GWEI.add(GWEI), 21_000, TO, BigInteger.ONE, new byte[0], List.of()).sign(key(0));
        assertRejected(other.raw(), "invalid chain id: the transaction is for chain 1, this is chain " + CHAIN_ID);
    }

    @Test
    void notReplayProtected() {
        Transaction legacy = UnsignedTransaction.legacy(null, 0, GWEI.add(GWEI), 21_000, TO, BigInteger.ONE, new byte[0]).sign(key(0));
        assertRejected(legacy.raw(), "transaction is not replay-protected");
    }

    @Test
    void badSignature() {
        assertRejected(TestChain.withSignature(transfer(0, 0, TO, BigInteger.ONE), BigInteger.ZERO, BigInteger.ONE), "invalid signature");
        Transaction valid = transfer(0, 0, TO, BigInteger.ONE);
        BigInteger n = new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
        assertRejected(TestChain.withSignature(valid, valid.r(), n.subtract(valid.s())), "invalid signature");
    }

    @Test
    void malformedRlp() {
        assertRejected(new byte[] {(byte) 0xf8, 0x02, 0x01}, "malformed");
        byte[] raw = transfer(0, 0, TO, BigInteger.ONE).raw();
        assertRejected(Arrays.copyOf(raw, raw.length - 3), "malformed");
    }

    @Test
    void oversized() {
        byte[] data = new byte[200 * 1024];
        Transaction big = TestChain.call(0, 0, TO, BigInteger.ZERO, data, 10_000_000);
        assertRejected(big.raw(), "oversized transaction");
    }

    @Test
    void nonceTooLowAndTooFarAhead() throws Exception {
        chain.submit(transfer(0, 0, TO, BigInteger.ONE));
        chain.produce();
        assertRejected(transfer(0, 0, TO, BigInteger.TWO).raw(), "nonce too low: the transaction has nonce 0, the account's next nonce is 1");
        assertRejected(transfer(0, 5000, TO, BigInteger.ONE).raw(), "nonce too far ahead");
    }

    @Test
    void copyOfAnIncludedTransaction() throws Exception {
        Transaction transfer = transfer(0, 0, TO, BigInteger.ONE);
        chain.submit(transfer);
        chain.produce();
        assertRejected(transfer.raw(), "already included in a block: " + transfer.hash());
    }

    @Test
    void insufficientFunds() {
        PrivateKey poor = PrivateKey.of(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        Transaction transaction = UnsignedTransaction.eip1559(CHAIN_ID, 0, GWEI, GWEI.add(GWEI), 21_000, TO, ETHER, new byte[0], List.of()).sign(poor);
        assertRejected(transaction.raw(), "insufficient funds for gas * price + value: balance 0");
        Transaction tooMuch = transfer(0, 0, TO, DevGenesis.BALANCE);
        assertRejected(tooMuch.raw(), "insufficient funds");
    }

    @Test
    void gasAboveTheBlockLimitOrBelowTheIntrinsicGas() {
        Transaction huge = TestChain.call(0, 0, TO, BigInteger.ONE, new byte[0], 300_000_000L);
        assertRejected(huge.raw(), "exceeds block gas limit");
        Transaction tiny = TestChain.call(0, 0, TO, BigInteger.ONE, new byte[] {1}, 21_000);
        assertRejected(tiny.raw(), "intrinsic gas too low: the transaction needs at least 21016 gas");
    }

    @Test
    void contractCreationIsNotSupported() {
        Transaction create = UnsignedTransaction.eip1559(CHAIN_ID, 0, GWEI, GWEI.add(GWEI), 100_000, null, BigInteger.ZERO, new byte[] {0x60}, List.of())
                .sign(key(0));
        assertRejected(create.raw(), "contract creation is not supported");
    }

    @Test
    void feeRules() {
        Transaction cheap = UnsignedTransaction.eip1559(CHAIN_ID, 0, BigInteger.ZERO, BigInteger.TEN, 21_000, TO, BigInteger.ONE, new byte[0], List.of())
                .sign(key(0));
        assertRejected(cheap.raw(), "transaction underpriced");
        Transaction inverted = UnsignedTransaction.eip1559(CHAIN_ID, 0, GWEI.multiply(BigInteger.TEN), GWEI.add(GWEI), 21_000, TO, BigInteger.ONE,
                new byte[0], List.of()).sign(key(0));
        assertRejected(inverted.raw(), "max priority fee per gas higher than max fee per gas");
    }

    @Test
    void alreadyKnownAndReplacement() throws Exception {
        Transaction first = transfer(0, 0, TO, BigInteger.ONE);
        chain.submit(first);
        assertRejected(first.raw(), "already known");
        Transaction sameFee = transfer(0, 0, TO, BigInteger.TWO);
        assertRejected(sameFee.raw(), "replacement transaction underpriced");
        Transaction better = UnsignedTransaction.eip1559(CHAIN_ID, 0, GWEI.multiply(BigInteger.TWO), GWEI.multiply(BigInteger.valueOf(4)), 21_000, TO,
                BigInteger.TWO, new byte[0], List.of()).sign(key(0));
        chain.submit(better);
        assertThat(chain.ledger.size()).isEqualTo(1);
        assertThat(chain.ledger.get(better.hash())).isPresent();
        assertThat(chain.ledger.get(first.hash())).isEmpty();
        chain.produce();
        assertThat(chain.ledger.balance(TO)).isEqualTo(BigInteger.TWO);
    }

    /** Checks the message and that nothing changed: pool size, the sender's nonce, the state root. */
    private void assertRejected(byte[] raw, String message) {
        int size = chain.ledger.size();
        Hash root = chain.ledger.head().stateRoot();
        long nonce = chain.ledger.pendingNonce(account(0));
        assertThatThrownBy(() -> chain.ledger.submit(raw)).isInstanceOf(TransactionRejectedException.class).hasMessageContaining(message);
        assertThat(chain.ledger.size()).isEqualTo(size);
        assertThat(chain.ledger.head().stateRoot()).isEqualTo(root);
        assertThat(chain.ledger.pendingNonce(account(0))).isEqualTo(nonce);
    }
}
