package io.zgnode.consensus.bft.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.store.KeyValue;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.api.store.Keys;
import io.zgnode.api.store.WriteBatch;
import io.zgnode.consensus.bft.core.InvalidMessageException;
import io.zgnode.consensus.bft.core.LockState;
import io.zgnode.consensus.bft.core.Messages;
import io.zgnode.consensus.bft.core.Proposal;
import io.zgnode.consensus.bft.core.Vote;
import io.zgnode.consensus.bft.core.Wal;
import io.zgnode.ethereum.RlpItem;

/**
 * The write-ahead log in the node's store, namespace {@value #NAMESPACE}. Every record is one
 * store commit (atomic and durable) made before the signed message is sent.
 * <pre>
 * 's' height(8)                      lock state: rlp([round, lockedRound+1, lockedValue|"", validRound+1, validValue|""])
 * 'v' height(8) round(4) type(1)     a vote this node signed (its canonical encoding)
 * 'p' height(8) round(4)             a proposal this node signed (its canonical encoding)
 * 'b' height(8) blockHash(32)        the block of a proposal this node signed, or of its locked or valid value,
 *                                    so that it can send it again after a restart
 * </pre>
 * Heights are big-endian, so a height's entries are contiguous and older heights are pruned with
 * range scans.
 */
public final class StoreWal implements Wal {

    public static final String NAMESPACE = "consensus.bft.wal";
    private static final Logger LOG = Logger.getLogger(StoreWal.class.getName());
    private static final byte STATE = 's';
    private static final byte VOTE = 'v';
    private static final byte PROPOSAL = 'p';
    private static final byte BLOCK = 'b';

    private final KeyValueStore store;
    private final Function<Hash, byte[]> blocks;

    /**
     * @param blocks the encoded block of a hash, or {@code null} if unknown: recorded next to
     *        proposals and lock values
     */
    public StoreWal(KeyValueStore store, Function<Hash, byte[]> blocks) {
        this.store = store;
        this.blocks = blocks;
    }

    @Override
    public Recorded load(long height) {
        LockState state = null;
        byte[] encoded = store.get(NAMESPACE, key(STATE, height));
        if (encoded != null) {
            state = decodeState(height, encoded);
        }
        List<Vote> votes = new ArrayList<>();
        for (Iterator<KeyValue> it = store.scanPrefix(NAMESPACE, key(VOTE, height)); it.hasNext();) {
            try {
                votes.add(Messages.decodeVote(it.next().value()));
            } catch (InvalidMessageException e) {
                throw new IllegalStateException("the write-ahead log holds a vote that does not decode: " + e.getMessage(), e);
            }
        }
        List<Proposal> proposals = new ArrayList<>();
        for (Iterator<KeyValue> it = store.scanPrefix(NAMESPACE, key(PROPOSAL, height)); it.hasNext();) {
            try {
                proposals.add(Messages.decodeProposal(it.next().value()));
            } catch (InvalidMessageException e) {
                throw new IllegalStateException("the write-ahead log holds a proposal that does not decode: " + e.getMessage(), e);
            }
        }
        return state == null && votes.isEmpty() && proposals.isEmpty() ? Recorded.EMPTY : new Recorded(state, votes, proposals);
    }

    /** The blocks recorded at {@code height}, by hash. */
    public Map<Hash, byte[]> blocks(long height) {
        Map<Hash, byte[]> found = new LinkedHashMap<>();
        byte[] prefix = key(BLOCK, height);
        for (Iterator<KeyValue> it = store.scanPrefix(NAMESPACE, prefix); it.hasNext();) {
            KeyValue entry = it.next();
            byte[] hash = new byte[Hash.LENGTH];
            System.arraycopy(entry.key(), prefix.length, hash, 0, Hash.LENGTH);
            found.put(Hash.of(hash), entry.value());
        }
        return found;
    }

    @Override
    public void record(Vote vote, LockState state) {
        try (WriteBatch batch = store.newBatch()) {
            batch.put(NAMESPACE, voteKey(vote.height(), vote.round(), vote.type().code()), Messages.encode(vote));
            putState(batch, state);
            batch.commit();
        }
    }

    @Override
    public void record(Proposal proposal, LockState state) {
        try (WriteBatch batch = store.newBatch()) {
            batch.put(NAMESPACE, Keys.concat(key(PROPOSAL, proposal.height()), ByteBuffer.allocate(4).putInt(proposal.round()).array()),
                    Messages.encode(proposal));
            putBlock(batch, proposal.height(), proposal.value());
            putState(batch, state);
            batch.commit();
        }
    }

    @Override
    public void prune(long height) {
        int removed = 0;
        try (WriteBatch batch = store.newBatch()) {
            for (byte kind : new byte[] {STATE, VOTE, PROPOSAL, BLOCK}) {
                for (Iterator<KeyValue> it = store.scan(NAMESPACE, new byte[] {kind}, key(kind, height), false); it.hasNext();) {
                    batch.delete(NAMESPACE, it.next().key());
                    removed++;
                }
            }
            if (removed > 0) {
                batch.commit();
            }
        }
    }

    private void putState(WriteBatch batch, LockState state) {
        batch.put(NAMESPACE, key(STATE, state.height()), encodeState(state));
        putBlock(batch, state.height(), state.lockedValue());
        putBlock(batch, state.height(), state.validValue());
    }

    private void putBlock(WriteBatch batch, long height, Hash value) {
        if (value == null) {
            return;
        }
        byte[] key = Keys.concat(key(BLOCK, height), value.toArray());
        if (batch.contains(NAMESPACE, key)) {
            return;
        }
        byte[] block = blocks.apply(value);
        if (block == null) {
            LOG.warning("height " + height + ": block " + value + " is not at hand to record in the write-ahead log");
            return;
        }
        batch.put(NAMESPACE, key, block);
    }

    static byte[] encodeState(LockState state) {
        return RlpItem.list(RlpItem.of(state.round()), RlpItem.of(state.lockedRound() + 1L), value(state.lockedValue()),
                RlpItem.of(state.validRound() + 1L), value(state.validValue())).encode();
    }

    static LockState decodeState(long height, byte[] encoded) {
        try {
            List<RlpItem> f = RlpItem.decode(encoded).items();
            return new LockState(height, (int) f.get(0).asLong(), (int) f.get(1).asLong() - 1, hash(f.get(2)), (int) f.get(3).asLong() - 1,
                    hash(f.get(4)));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the write-ahead log's state at height " + height + " does not decode: " + e.getMessage(), e);
        }
    }

    private static RlpItem value(Hash hash) {
        return hash == null ? RlpItem.of(new byte[0]) : RlpItem.of(hash);
    }

    private static Hash hash(RlpItem item) {
        byte[] bytes = item.bytes();
        return bytes.length == 0 ? null : Hash.of(bytes);
    }

    private static byte[] key(byte kind, long height) {
        return Keys.concat(new byte[] {kind}, Keys.ofLong(height));
    }

    static byte[] voteKey(long height, int round, int type) {
        return Keys.concat(key(VOTE, height), ByteBuffer.allocate(5).putInt(round).put((byte) type).array());
    }
}
