package io.zgnode.ledger.gossip;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.zgnode.api.net.MessageHandler;
import io.zgnode.api.net.PeerId;
import io.zgnode.api.net.PeerNetwork;
import io.zgnode.api.net.Verdict;
import io.zgnode.crypto.PublicKey;
import io.zgnode.ethereum.RlpItem;
import io.zgnode.ledger.Ledger;
import io.zgnode.ledger.pool.TransactionPoolImpl;

/**
 * Transactions between the nodes' pools, in batches on topic {@value #TOPIC}:
 * {@code rlp([[rawTransaction, senderPublicKey], ...])}, with the key (64 bytes, x || y) the
 * sender was recovered as where the transaction entered the network; an entry may also be a bare
 * {@code rawTransaction}. The keys let every other node check a batch's signatures at once
 * instead of recovering each sender ({@link Ledger#submitRelayed}); a key that turns out wrong
 * counts against the peer. Relayed batches travel unchanged, keys included.
 * <p>
 * A transaction this node was sent waits at most {@value #FLUSH_MILLIS} ms to go out with
 * others: one message per batch instead of one per transaction keeps the network's per-message
 * work (framing, encryption, de-duplication, a handler task) small next to the signature checks.
 * <p>
 * Received batches go into this node's pool; the network relays a batch of which anything was
 * accepted. A batch holding a transaction that can never be valid (malformed, badly signed,
 * another chain) counts against the peer that sent it; one refused for now (known already, nonce
 * or funds as this node sees them) is just not counted.
 */
@Component(service = {MessageHandler.class, TransactionGossip.class}, property = MessageHandler.TOPIC + "=" + TransactionGossip.TOPIC)
public class TransactionGossip implements MessageHandler {

    public static final String TOPIC = "txs";
    static final int MAX_BATCH = 256;
    static final int MAX_BATCH_BYTES = 256 * 1024;
    static final long FLUSH_MILLIS = 20;

    private final Ledger ledger;
    private final ScheduledThreadPoolExecutor sender;
    private final ArrayDeque<RlpItem> waiting = new ArrayDeque<>();
    private int waitingBytes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PeerNetwork network;

    @Activate
    public TransactionGossip(@Reference Ledger ledger) {
        this(ledger, null);
    }

    /** Outside a framework: with the network given. */
    public TransactionGossip(Ledger ledger, PeerNetwork network) {
        this.ledger = ledger;
        this.network = network;
        this.sender = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "zgnode-tx-gossip");
            t.setDaemon(true);
            return t;
        });
        sender.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Deactivate
    public void deactivate() {
        sender.shutdownNow();
    }

    /** Sends a transaction this node accepted from a client, and its sender's key, to the peers with the next batch. */
    public void announce(byte[] raw, PublicKey senderKey) {
        boolean first;
        boolean full;
        synchronized (this) {
            first = waiting.isEmpty();
            waiting.add(RlpItem.list(RlpItem.of(raw), RlpItem.of(senderKey.bytes())));
            waitingBytes += raw.length;
            full = waiting.size() >= MAX_BATCH || waitingBytes >= MAX_BATCH_BYTES;
        }
        try {
            if (full) {
                sender.execute(this::flush);
            } else if (first) {
                sender.schedule(this::flush, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // deactivated: the transaction stays in this node's pool
        }
    }

    /** Sends what waits, in batches of at most MAX_BATCH transactions and about MAX_BATCH_BYTES. */
    private void flush() {
        PeerNetwork peers = network;
        for (List<RlpItem> batch = nextBatch(); !batch.isEmpty(); batch = nextBatch()) {
            if (peers != null) {
                peers.broadcast(TOPIC, RlpItem.list(batch).encode());
            }
        }
    }

    private synchronized List<RlpItem> nextBatch() {
        List<RlpItem> batch = new ArrayList<>();
        int bytes = 0;
        while (!waiting.isEmpty() && batch.size() < MAX_BATCH && (batch.isEmpty() || bytes + rawLength(waiting.peekFirst()) <= MAX_BATCH_BYTES)) {
            RlpItem next = waiting.pollFirst();
            bytes += rawLength(next);
            waitingBytes -= rawLength(next);
            batch.add(next);
        }
        return batch;
    }

    /** The raw transaction of a waiting entry [raw, key]. */
    private static int rawLength(RlpItem entry) {
        return entry.items().get(0).bytes().length;
    }

    @Override
    public Verdict handle(PeerId from, byte[] message) {
        List<byte[]> raws = new ArrayList<>();
        List<PublicKey> keys = new ArrayList<>();
        try {
            decode(message, raws, keys);
        } catch (IllegalArgumentException e) {
            return Verdict.REJECT;
        }
        boolean accepted = false;
        for (TransactionPoolImpl.Outcome outcome : ledger.submitRelayed(raws, keys)) {
            if (outcome.isAccepted()) {
                accepted = true;
            } else if (outcome.rejection().isInvalid()) {
                return Verdict.REJECT;
            }
        }
        return accepted ? Verdict.ACCEPT : Verdict.IGNORE;
    }

    /**
     * Reads a batch into its raw transactions and their claimed sender keys ({@code null} for a
     * bare entry). A batch that is not a non-empty list of at most MAX_BATCH entries, each a byte
     * string or a [byte string, 64-byte point on secp256k1] pair, is refused.
     */
    static void decode(byte[] message, List<byte[]> raws, List<PublicKey> keys) {
        RlpItem batch;
        try {
            batch = RlpItem.decode(message);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not rlp: " + e.getMessage(), e);
        }
        if (!batch.isList() || batch.items().isEmpty() || batch.items().size() > MAX_BATCH) {
            throw new IllegalArgumentException("a transaction batch is a list of 1 to " + MAX_BATCH + " transactions");
        }
        for (RlpItem item : batch.items()) {
            if (!item.isList()) {
                raws.add(item.bytes());
                keys.add(null);
                continue;
            }
            List<RlpItem> pair = item.items();
            if (pair.size() != 2 || pair.get(0).isList() || pair.get(1).isList()) {
                throw new IllegalArgumentException("a batch entry is a transaction or [transaction, sender key]");
            }
            raws.add(pair.get(0).bytes());
            keys.add(PublicKey.of(pair.get(1).bytes()));
        }
    }
}
