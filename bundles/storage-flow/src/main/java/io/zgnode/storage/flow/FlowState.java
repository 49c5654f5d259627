package io.zgnode.storage.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.contract.ContractState;
import io.zgnode.api.storage.FlowEntry;
import io.zgnode.api.store.Keys;

/**
 * Where the Flow contract keeps the flow in its state, for the contract (which writes it) and for
 * the FlowLog service (which reads what the last block committed):
 * <pre>
 * n                      next txSeq (8 bytes)
 * l                      flow length in sectors (8 bytes); absent: 1
 * f || level             the tree's frontier root of a level (32 bytes; see FlowTree)
 * e || txSeq             an entry (EntryCodec)
 * c || root              how many entries have this file root (8 bytes)
 * r || root || i         the txSeq of the i-th of them (8 bytes)
 * </pre>
 * Integers are big-endian, so keys of one kind sort by number.
 */
final class FlowState {

    private static final byte[] NEXT_TX_SEQ = {'n'};
    private static final byte[] LENGTH = {'l'};
    private static final byte FRONTIER = 'f';
    private static final byte ENTRY = 'e';
    private static final byte ROOT_COUNT = 'c';
    private static final byte ROOT_ENTRY = 'r';

    private final UnaryOperator<byte[]> reader;

    /** @param reader the value under a key, or {@code null} */
    FlowState(UnaryOperator<byte[]> reader) {
        this.reader = reader;
    }

    long nextTxSeq() {
        return number(NEXT_TX_SEQ, 0);
    }

    long length() {
        return number(LENGTH, FlowTree.INITIAL_LENGTH);
    }

    /** The tree as stored; its changes are written back by {@link #putTree}. */
    FlowTree tree() {
        return new FlowTree(length(), level -> {
            byte[] stored = reader.apply(frontierKey(level));
            return stored == null ? Hash.ZERO : Hash.of(stored);
        });
    }

    Optional<EntryCodec.Stored> entry(long txSeq) {
        if (txSeq < 0) {
            return Optional.empty();
        }
        byte[] stored = reader.apply(Keys.concat(new byte[] {ENTRY}, Keys.ofLong(txSeq)));
        return stored == null ? Optional.empty() : Optional.of(EntryCodec.decode(stored));
    }

    /** The txSeqs of the entries with this file root, in order. */
    List<Long> txSeqsOf(Hash root) {
        long count = number(rootCountKey(root), 0);
        List<Long> txSeqs = new ArrayList<>((int) Math.min(count, 1024));
        for (long i = 0; i < count; i++) {
            txSeqs.add(Keys.toLong(reader.apply(rootEntryKey(root, i)), 0));
        }
        return txSeqs;
    }

    /** The flow's root after the last entry; the identifier (zero) before any. */
    Hash flowRoot() {
        long next = nextTxSeq();
        return next == 0 ? Hash.ZERO : entry(next - 1).orElseThrow(() -> new IllegalStateException("entry " + (next - 1) + " is missing"))
                .flowRoot();
    }

    /** Records a new entry with the flow's root after it; the caller appends in txSeq order. */
    void putEntry(ContractState state, FlowEntry entry, Hash flowRoot) {
        state.put(Keys.concat(new byte[] {ENTRY}, Keys.ofLong(entry.txSeq())), EntryCodec.encode(entry, flowRoot));
        byte[] countKey = rootCountKey(entry.root());
        long count = number(countKey, 0);
        state.put(rootEntryKey(entry.root(), count), Keys.ofLong(entry.txSeq()));
        state.put(countKey, Keys.ofLong(count + 1));
        state.put(NEXT_TX_SEQ, Keys.ofLong(entry.txSeq() + 1));
    }

    void putTree(ContractState state, FlowTree tree) {
        for (Map.Entry<Integer, Hash> level : tree.changedLevels().entrySet()) {
            state.put(frontierKey(level.getKey()), level.getValue().toArray());
        }
        state.put(LENGTH, Keys.ofLong(tree.length()));
    }

    private long number(byte[] key, long absent) {
        byte[] stored = reader.apply(key);
        return stored == null ? absent : Keys.toLong(stored, 0);
    }

    private static byte[] frontierKey(int level) {
        return new byte[] {FRONTIER, (byte) level};
    }

    private static byte[] rootCountKey(Hash root) {
        return Keys.concat(new byte[] {ROOT_COUNT}, root.toArray());
    }

    private static byte[] rootEntryKey(Hash root, long index) {
        return Keys.concat(new byte[] {ROOT_ENTRY}, root.toArray(), Keys.ofLong(index));
    }
}
