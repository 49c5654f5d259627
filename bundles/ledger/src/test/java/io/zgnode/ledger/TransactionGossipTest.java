package io.zgnode.ledger;

import static io.zgnode.ledger.TestChain.transfer;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.net.PeerId;
import io.zgnode.api.net.PeerNetwork;
import io.zgnode.api.net.Verdict;
import io.zgnode.crypto.PublicKey;
import io.zgnode.ethereum.RlpItem;
import io.zgnode.ledger.gossip.TransactionGossip;

/** Transaction batches between pools: what is taken, what counts against the peer, how batches form. */
class TransactionGossipTest {

    private static final Address TO = Address.of("0x4444444444444444444444444444444444444444");
    private static final PeerId PEER = PeerId.of(new byte[32]);

    @TempDir
    Path dir;

    private TestChain chain;
    private final List<byte[]> broadcasts = new CopyOnWriteArrayList<>();
    private TransactionGossip gossip;

    @BeforeEach
    void open() throws Exception {
        chain = new TestChain(dir);
        PeerNetwork network = (PeerNetwork) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PeerNetwork.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("broadcast")) {
                        assertThat(args[0]).isEqualTo(TransactionGossip.TOPIC);
                        broadcasts.add((byte[]) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        gossip = new TransactionGossip(chain.ledger, network);
    }

    @AfterEach
    void close() throws Exception {
        gossip.deactivate();
        chain.close();
    }

    private static byte[] batch(byte[]... raws) {
        return RlpItem.list(Arrays.stream(raws).map(RlpItem::of).toList()).encode();
    }

    /** Entries [raw, claimed sender key]: {@code claimed} gives the account index claimed for transaction i. */
    private static byte[] keyedBatch(List<Transaction> transactions, IntUnaryOperator claimed) {
        List<RlpItem> entries = new ArrayList<>();
        for (int i = 0; i < transactions.size(); i++) {
            entries.add(RlpItem.list(RlpItem.of(transactions.get(i).raw()), RlpItem.of(TestChain.key(claimed.applyAsInt(i)).publicKey().bytes())));
        }
        return RlpItem.list(entries).encode();
    }

    /** Transfers from accounts 0..9, enough for the pool to check their claimed senders in one batch. */
    private static List<Transaction> transfers(int count, int firstNonce) {
        List<Transaction> transactions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            transactions.add(transfer(i % 10, firstNonce + i / 10, TO, BigInteger.ONE));
        }
        return transactions;
    }

    @Test
    void batchesWithTheSendersKeysAreTakenWithTheRightSenders() {
        List<Transaction> large = transfers(40, 0);
        assertThat(gossip.handle(PEER, keyedBatch(large, i -> i % 10))).isEqualTo(Verdict.ACCEPT);
        List<Transaction> small = transfers(3, 4);
        assertThat(gossip.handle(PEER, keyedBatch(small, i -> i % 10))).isEqualTo(Verdict.ACCEPT);

        assertThat(chain.ledger.size()).isEqualTo(43);
        for (Transaction sent : large) {
            assertThat(chain.ledger.get(sent.hash())).as("pooled under its real sender").hasValueSatisfying(t -> assertThat(t.from()).isEqualTo(sent.from()));
        }
        assertThat(chain.ledger.pendingNonce(TestChain.account(0))).isEqualTo(5);
    }

    @Test
    void aWrongSenderKeyCountsAgainstThePeerAndNoTransactionIsPooledUnderIt() {
        for (int size : new int[] {40, 3}) {
            // fresh nonces each time: a transaction the pool already holds is refused before its claim is looked at
            List<Transaction> transactions = transfers(size, size == 40 ? 0 : 4);
            // the last entry claims account 11, which signed none of them
            assertThat(gossip.handle(PEER, keyedBatch(transactions, i -> i == size - 1 ? 11 : i % 10))).as("%d entries", size).isEqualTo(Verdict.REJECT);
            assertThat(chain.ledger.get(transactions.get(size - 1).hash())).isEmpty();
            assertThat(chain.ledger.pendingNonce(TestChain.account(11))).isZero();
        }
        Transaction valid = transfer(0, 5, TO, BigInteger.ONE);
        byte[] shortKey = RlpItem.list(RlpItem.list(RlpItem.of(valid.raw()), RlpItem.of(new byte[63]))).encode();
        byte[] offCurve = RlpItem.list(RlpItem.list(RlpItem.of(valid.raw()), RlpItem.of(new byte[64]))).encode();
        byte[] single = RlpItem.list(RlpItem.list(RlpItem.of(valid.raw()))).encode();
        assertThat(gossip.handle(PEER, shortKey)).as("a 63-byte key").isEqualTo(Verdict.REJECT);
        assertThat(gossip.handle(PEER, offCurve)).as("not a point").isEqualTo(Verdict.REJECT);
        assertThat(gossip.handle(PEER, single)).as("[raw] without a key").isEqualTo(Verdict.REJECT);
        assertThat(chain.ledger.get(valid.hash())).isEmpty();
    }

    @Test
    void aBatchFillsThePoolAndIsRelayedOnlyWhenSomethingWasNew() {
        Transaction a = transfer(0, 0, TO, BigInteger.ONE);
        Transaction b = transfer(0, 1, TO, BigInteger.ONE);
        Transaction c = transfer(1, 0, TO, BigInteger.ONE);

        assertThat(gossip.handle(PEER, batch(a.raw(), b.raw(), c.raw()))).isEqualTo(Verdict.ACCEPT);
        assertThat(chain.ledger.size()).isEqualTo(3);
        assertThat(chain.ledger.pendingNonce(TestChain.account(0))).isEqualTo(2);

        assertThat(gossip.handle(PEER, batch(a.raw(), c.raw()))).as("all known: not relayed, not held against the peer").isEqualTo(Verdict.IGNORE);
        Transaction d = transfer(2, 0, TO, BigInteger.ONE);
        assertThat(gossip.handle(PEER, batch(a.raw(), d.raw()))).isEqualTo(Verdict.ACCEPT);
        assertThat(chain.ledger.size()).isEqualTo(4);
    }

    @Test
    void malformedBatchesAndInvalidTransactionsCountAgainstThePeer() {
        Transaction valid = transfer(0, 0, TO, BigInteger.ONE);
        byte[] badSignature = TestChain.withSignature(valid, BigInteger.ZERO, BigInteger.ONE);

        assertThat(gossip.handle(PEER, new byte[] {1, 2, 3})).as("not a list").isEqualTo(Verdict.REJECT);
        assertThat(gossip.handle(PEER, new byte[] {(byte) 0xf8, 0x10})).as("truncated").isEqualTo(Verdict.REJECT);
        assertThat(gossip.handle(PEER, RlpItem.list(List.of()).encode())).as("empty").isEqualTo(Verdict.REJECT);
        List<byte[]> tooMany = new ArrayList<>();
        for (int i = 0; i < 257; i++) {
            tooMany.add(valid.raw());
        }
        assertThat(gossip.handle(PEER, batch(tooMany.toArray(byte[][]::new)))).as("over 256").isEqualTo(Verdict.REJECT);
        assertThat(gossip.handle(PEER, batch(new byte[] {0x02, (byte) 0xc0}))).as("a malformed transaction").isEqualTo(Verdict.REJECT);
        assertThat(gossip.handle(PEER, batch(badSignature))).as("a bad signature").isEqualTo(Verdict.REJECT);
        assertThat(chain.ledger.size()).isZero();
    }

    @Test
    void announcedTransactionsGoOutInBatchesOfAtMost256() throws Exception {
        List<Transaction> transactions = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            transactions.add(transfer(i % 10, i / 10, TO, BigInteger.ONE));
        }
        for (Transaction transaction : transactions) {
            gossip.announce(transaction.raw(), TestChain.key(transactions.indexOf(transaction) % 10).publicKey());
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<byte[]> sent = new ArrayList<>();
        while (sent.size() < transactions.size() && System.nanoTime() < deadline) {
            Thread.sleep(5);
            sent.clear();
            for (byte[] message : broadcasts) {
                List<RlpItem> batch = RlpItem.decode(message).items();
                assertThat(batch).hasSizeBetween(1, 256);
                for (RlpItem entry : batch) {
                    sent.add(entry.items().get(0).bytes());
                    Address from = transactions.get(sent.size() - 1).from();
                    assertThat(Address.of(PublicKey.of(entry.items().get(1).bytes()).address())).as("the sender's key goes with it").isEqualTo(from);
                }
            }
        }
        assertThat(broadcasts).as("300 transactions need two batches at least").hasSizeGreaterThanOrEqualTo(2);
        assertThat(sent).containsExactlyElementsOf(transactions.stream().map(Transaction::raw).toList());
    }
}
