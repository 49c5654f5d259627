package io.zgnode.ledger;

import static io.zgnode.ledger.TestChain.CHAIN_ID;
import static io.zgnode.ledger.TestChain.GWEI;
import static io.zgnode.ledger.TestChain.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.zgnode.api.chain.Account;
import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.chain.TransactionRejectedException;
import io.zgnode.ethereum.UnsignedTransaction;
import io.zgnode.ledger.pool.PoolLimits;
import io.zgnode.ledger.pool.TransactionPoolImpl;

/** A full pool keeps the better-paying transactions and never strands a sender's later nonces. */
class PoolEvictionTest {

    private static final Address TO = Address.of("0x5555555555555555555555555555555555555555");

    private final TransactionPoolImpl pool = new TransactionPoolImpl(new PoolLimits(3, 2, 16, 128 * 1024, 10),
            new TransactionChecks(genesis()), address -> new Account(BigInteger.TEN.pow(22), 0), () -> GWEI);

    @Test
    void whenFullABetterPayingTransactionEvictsTheWorstLastInLineOne() throws Exception {
        Transaction a0 = tip(0, 0, 5);
        Transaction a1 = tip(0, 1, 1);
        Transaction b0 = tip(1, 0, 3);
        submit(a0, a1, b0);
        assertThat(pool.size()).isEqualTo(3);

        assertThatThrownBy(() -> submit(tip(2, 0, 1))).isInstanceOf(TransactionRejectedException.class)
                .hasMessageContaining("transaction pool is full");
        assertThat(pool.size()).isEqualTo(3);

        Transaction c0 = tip(2, 0, 4);
        submit(c0);
        assertThat(pool.get(a1.hash())).as("the worst last-in-line one went").isEmpty();
        assertThat(pool.get(c0.hash())).isPresent();
        assertThat(pool.pending(10)).extracting(Transaction::hash).containsExactly(a0.hash(), c0.hash(), b0.hash());
    }

    @Test
    void aSenderMayHaveOnlySoManyTransactionsWaiting() throws Exception {
        submit(tip(0, 0, 1), tip(0, 1, 1));
        assertThatThrownBy(() -> submit(tip(0, 2, 1))).hasMessageContaining("too many pending transactions");
        assertThat(pool.pendingNonce(Address.of(key(0).address()))).isEqualTo(2);
    }

    private void submit(Transaction... transactions) throws TransactionRejectedException {
        for (Transaction transaction : transactions) {
            pool.submit(transaction.raw());
        }
    }

    private static Transaction tip(int sender, long nonce, long tipGwei) {
        BigInteger tip = GWEI.multiply(BigInteger.valueOf(tipGwei));
        return UnsignedTransaction.eip1559(CHAIN_ID, nonce, tip, tip.add(GWEI), 21_000, TO, BigInteger.ONE, new byte[0], List.of()).sign(key(sender));
    }

    private static io.zgnode.ledger.genesis.Genesis genesis() {
        try {
            return TestChain.genesis(java.util.Map.of());
        } catch (io.zgnode.ledger.genesis.GenesisException e) {
            throw new IllegalStateException(e);
        }
    }
}
