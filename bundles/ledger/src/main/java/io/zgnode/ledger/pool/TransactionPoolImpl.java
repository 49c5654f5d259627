package io.zgnode.ledger.pool;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.function.Supplier;

import io.zgnode.api.chain.Account;
import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.chain.TransactionPool;
import io.zgnode.api.chain.TransactionRejectedException;
import io.zgnode.crypto.Hex;
import io.zgnode.crypto.Keccak256;
import io.zgnode.crypto.PublicKey;
import io.zgnode.crypto.Secp256k1;
import io.zgnode.ethereum.TransactionDecoder;

/**
 * Transactions waiting for a block. Every check that could fail later is made on the way in, so
 * that a rejected transaction leaves the pool exactly as it was and the sender gets one clear
 * line: decoding and signature (by {@link TransactionCheck}), nonce against the account, funds,
 * replacement, limits.
 * <p>
 * The pool lives in memory: it is what this node was asked to include, not chain state. All
 * methods are synchronized; none does I/O beyond reading committed accounts.
 */
public final class TransactionPoolImpl implements TransactionPool {

    /**
     * Hashes of recently committed transactions remembered: a copy arriving late (gossip lags
     * behind blocks under load) is refused by its hash, without recovering its sender again.
     */
    static final int INCLUDED_REMEMBERED = 50_000;

    /**
     * From this many claimed senders in a relayed batch on, one batch check beats recovering each
     * (`bench/run recovery`: 8 at 1.2x, 16 at 1.5x, 256 at 2.2x the recovery rate); smaller batches are recovered.
     */
    static final int MIN_CLAIMS_CHECKED_AT_ONCE = 8;

    private final PoolLimits limits;
    private final TransactionCheck check;
    private final Function<Address, Account> accounts;
    private final Supplier<BigInteger> baseFee;
    private final Map<Hash, Transaction> byHash = new HashMap<>();
    private final Map<Address, SenderQueue> bySender = new HashMap<>();
    private final Map<Hash, Boolean> included = new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, Boolean> eldest) {
            return size() > INCLUDED_REMEMBERED;
        }
    };

    /**
     * @param accounts the committed state of an account
     * @param baseFee the base fee of the next block (a transaction paying less waits)
     */
    public TransactionPoolImpl(PoolLimits limits, TransactionCheck check, Function<Address, Account> accounts, Supplier<BigInteger> baseFee) {
        this.limits = limits;
        this.check = check;
        this.accounts = accounts;
        this.baseFee = baseFee;
    }

    /**
     * Decoding and recovering the sender take most of the time and need no lock: submissions run
     * them in parallel (on the RPC worker threads); only the pool update is serialized. A copy of
     * a transaction the pool holds or a block recently included is refused before that work.
     */
    @Override
    public Hash submit(byte[] raw) throws TransactionRejectedException {
        return accept(raw).transaction().hash();
    }

    /** As {@link #submit}, answering the transaction and the key its sender was recovered as. */
    public TransactionDecoder.Recovered accept(byte[] raw) throws TransactionRejectedException {
        refuseOversizedOrKnown(raw);
        TransactionDecoder.Recovered recovered = check.decode(raw);
        add(recovered.transaction());
        return recovered;
    }

    /**
     * Transactions a peer relayed, each with the sender's public key the peer claims for it
     * ({@code null}: none). The claims of a batch are checked at once
     * ({@link Secp256k1#recoverToClaimedKeys}), about half the work of recovering each sender; if
     * that check fails, each claimed transaction is recovered on its own, and one whose signature
     * does not recover to the claimed key is refused as invalid: an honest peer passes on the key
     * it recovered itself. Small batches are recovered one by one, which is cheaper for them.
     *
     * @return one outcome per transaction, in order
     */
    public List<Outcome> submitRelayed(List<byte[]> raws, List<PublicKey> claimedSenders) {
        Outcome[] outcomes = new Outcome[raws.size()];
        List<Integer> claimedAt = new ArrayList<>();
        List<TransactionDecoder.Claimed> claimed = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            try {
                refuseOversizedOrKnown(raws.get(i));
                if (claimedSenders.get(i) == null) {
                    outcomes[i] = Outcome.accepted(add(check.decode(raws.get(i)).transaction()));
                } else {
                    claimed.add(check.decodeClaimed(raws.get(i), claimedSenders.get(i)));
                    claimedAt.add(i);
                }
            } catch (TransactionRejectedException e) {
                outcomes[i] = Outcome.refused(e);
            }
        }
        boolean claimsHold = claimed.size() >= MIN_CLAIMS_CHECKED_AT_ONCE
                && Secp256k1.recoverToClaimedKeys(claimed.stream().map(TransactionDecoder.Claimed::claim).toList(), Secp256k1.HighS.REJECT);
        for (int j = 0; j < claimed.size(); j++) {
            int i = claimedAt.get(j);
            try {
                Transaction transaction = claimsHold ? claimed.get(j).transaction() : recoverClaimed(raws.get(i), claimedSenders.get(i));
                outcomes[i] = Outcome.accepted(add(transaction));
            } catch (TransactionRejectedException e) {
                outcomes[i] = Outcome.refused(e);
            }
        }
        return List.of(outcomes);
    }

    private Transaction recoverClaimed(byte[] raw, PublicKey claimedSender) throws TransactionRejectedException {
        TransactionDecoder.Recovered recovered = check.decode(raw);
        if (!recovered.senderKey().equals(claimedSender)) {
            throw new TransactionRejectedException("wrong sender claimed: the peer named " + Hex.encode(claimedSender.address())
                    + ", the signature recovers to " + recovered.transaction().from(), true);
        }
        return recovered.transaction();
    }

    private void refuseOversizedOrKnown(byte[] raw) throws TransactionRejectedException {
        if (raw.length > limits.maxTransactionBytes()) {
            throw new TransactionRejectedException("oversized transaction: " + raw.length + " bytes, the limit is " + limits.maxTransactionBytes(), true);
        }
        refuseKnown(Hash.of(Keccak256.hash(raw)));
    }

    /** What became of one relayed transaction: accepted with its hash, or refused with the reason. */
    public record Outcome(Hash hash, TransactionRejectedException rejection) {

        static Outcome accepted(Hash hash) {
            return new Outcome(hash, null);
        }

        static Outcome refused(TransactionRejectedException rejection) {
            return new Outcome(null, rejection);
        }

        public boolean isAccepted() {
            return rejection == null;
        }
    }

    private synchronized void refuseKnown(Hash hash) throws TransactionRejectedException {
        if (byHash.containsKey(hash)) {
            throw new TransactionRejectedException("already known: " + hash);
        }
        if (included.containsKey(hash)) {
            throw new TransactionRejectedException("already included in a block: " + hash);
        }
    }

    private synchronized Hash add(Transaction transaction) throws TransactionRejectedException {
        refuseKnown(transaction.hash());
        Address sender = transaction.from();
        Account account = accounts.apply(sender);
        if (transaction.nonce() < account.nonce()) {
            throw new TransactionRejectedException("nonce too low: the transaction has nonce " + transaction.nonce()
                    + ", the account's next nonce is " + account.nonce());
        }
        if (transaction.nonce() - account.nonce() >= limits.maxNonceGap()) {
            throw new TransactionRejectedException("nonce too far ahead: the transaction has nonce " + transaction.nonce()
                    + ", the account's next nonce is " + account.nonce() + " (at most " + limits.maxNonceGap() + " ahead)");
        }
        BigInteger cost = BigInteger.valueOf(transaction.gasLimit()).multiply(transaction.feeCap()).add(transaction.value());
        if (account.balance().compareTo(cost) < 0) {
            throw new TransactionRejectedException("insufficient funds for gas * price + value: balance " + account.balance()
                    + ", the transaction may cost " + cost);
        }
        SenderQueue queue = bySender.computeIfAbsent(sender, s -> new SenderQueue());
        Transaction replaced = queue.get(transaction.nonce());
        if (replaced != null) {
            checkReplacement(replaced, transaction);
        } else if (queue.size() >= limits.maxPerSender()) {
            dropIfEmpty(sender, queue);
            throw new TransactionRejectedException("too many pending transactions from " + sender + " (" + limits.maxPerSender() + ")");
        } else if (byHash.size() >= limits.maxTransactions()) {
            makeRoomFor(transaction, queue);
        }
        if (replaced != null) {
            byHash.remove(replaced.hash());
        }
        queue.put(transaction);
        byHash.put(transaction.hash(), transaction);
        return transaction.hash();
    }

    private void checkReplacement(Transaction old, Transaction candidate) throws TransactionRejectedException {
        BigInteger bump = BigInteger.valueOf(100 + limits.replacementBumpPercent());
        boolean tipHigher = candidate.tipCap().multiply(BigInteger.valueOf(100)).compareTo(old.tipCap().multiply(bump)) >= 0;
        boolean capHigher = candidate.feeCap().multiply(BigInteger.valueOf(100)).compareTo(old.feeCap().multiply(bump)) >= 0;
        if (!tipHigher || !capHigher) {
            throw new TransactionRejectedException("replacement transaction underpriced: a transaction with nonce " + old.nonce()
                    + " is waiting; pay at least " + limits.replacementBumpPercent() + "% more to replace it");
        }
    }

    /**
     * The pool is full: the worst-paying transaction that is last in its sender's line goes, if
     * the newcomer pays more; a transaction in the middle of a line would strand those after it.
     */
    private void makeRoomFor(Transaction transaction, SenderQueue own) throws TransactionRejectedException {
        Transaction worst = null;
        for (SenderQueue queue : bySender.values()) {
            Transaction last = queue.last();
            if (last != null && queue != own && (worst == null || last.tipCap().compareTo(worst.tipCap()) < 0)) {
                worst = last;
            }
        }
        if (worst == null || worst.tipCap().compareTo(transaction.tipCap()) >= 0) {
            dropIfEmpty(transaction.from(), own);
            throw new TransactionRejectedException("transaction pool is full (" + limits.maxTransactions() + "): pay a higher priority fee");
        }
        remove(worst);
    }

    @Override
    public synchronized Optional<Transaction> get(Hash hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    @Override
    public synchronized long pendingNonce(Address sender) {
        long nonce = accounts.apply(sender).nonce();
        SenderQueue queue = bySender.get(sender);
        return queue == null ? nonce : nonce + queue.ready(nonce).size();
    }

    @Override
    public synchronized int size() {
        return byHash.size();
    }

    /**
     * Ready transactions (no nonce gap) in the order a block takes them: each sender's in nonce
     * order; across senders, the higher priority fee first, then the lower hash, so every node
     * orders the same pool alike.
     */
    @Override
    public synchronized List<Transaction> pending(int limit) {
        BigInteger fee = baseFee.get();
        Comparator<List<Transaction>> byTip = Comparator.<List<Transaction>, BigInteger>comparing(line -> line.get(0).effectiveGasPrice(fee))
                .reversed().thenComparing(line -> line.get(0).hash());
        PriorityQueue<List<Transaction>> heads = new PriorityQueue<>(byTip);
        for (Map.Entry<Address, SenderQueue> entry : bySender.entrySet()) {
            List<Transaction> ready = entry.getValue().ready(accounts.apply(entry.getKey()).nonce());
            if (!ready.isEmpty()) {
                heads.add(ready);
            }
        }
        List<Transaction> ordered = new ArrayList<>();
        while (!heads.isEmpty() && ordered.size() < limit) {
            List<Transaction> line = heads.poll();
            ordered.add(line.get(0));
            if (line.size() > 1) {
                heads.add(line.subList(1, line.size()));
            }
        }
        return ordered;
    }

    /** After a commit: the block's transactions and every transaction they made stale go. */
    public synchronized void blockCommitted(Block block) {
        for (Transaction transaction : block.transactions()) {
            included.put(transaction.hash(), Boolean.TRUE);
            Transaction waiting = byHash.get(transaction.hash());
            if (waiting != null) {
                remove(waiting);
            }
        }
        for (Transaction transaction : block.transactions()) {
            SenderQueue queue = bySender.get(transaction.from());
            if (queue != null) {
                queue.removeBelow(accounts.apply(transaction.from()).nonce()).forEach(stale -> byHash.remove(stale.hash()));
                dropIfEmpty(transaction.from(), queue);
            }
        }
    }

    /** Drops a transaction that can never be included (a block builder found it stale). */
    public synchronized void drop(Transaction transaction) {
        if (byHash.containsKey(transaction.hash())) {
            remove(transaction);
        }
    }

    private void remove(Transaction transaction) {
        byHash.remove(transaction.hash());
        SenderQueue queue = bySender.get(transaction.from());
        if (queue != null) {
            queue.remove(transaction.nonce());
            dropIfEmpty(transaction.from(), queue);
        }
    }

    private void dropIfEmpty(Address sender, SenderQueue queue) {
        if (queue.isEmpty()) {
            bySender.remove(sender);
        }
    }
}
