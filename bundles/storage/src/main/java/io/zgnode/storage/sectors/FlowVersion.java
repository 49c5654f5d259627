package io.zgnode.storage.sectors;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.zgnode.storage.intake.FlowEntries;
import io.zgnode.storage.intake.StoredEntry;

/**
 * The flow as it stood right after one entry: its length, and which entry lies where. Entries lie
 * in txSeq order at increasing positions, so the entry near a position is found by bisection;
 * entries are read from the committed ones as needed and kept (for one call, or for a run of
 * versions that share them).
 */
final class FlowVersion {

    /** The flow's length before any entry: sector 0, the identifier. */
    static final long INITIAL_LENGTH = 1;

    private final FlowEntries entries;
    private final long lastTxSeq;
    private final long length;
    private final Map<Long, StoredEntry> read;

    private FlowVersion(FlowEntries entries, long lastTxSeq, Map<Long, StoredEntry> read) {
        this.entries = entries;
        this.lastTxSeq = lastTxSeq;
        this.read = read;
        this.length = lastTxSeq < 0 ? INITIAL_LENGTH : entry(lastTxSeq).endPosition();
    }

    /** The flow right after entry {@code txSeq}; -1 for the flow before any entry. */
    static FlowVersion after(FlowEntries entries, long txSeq) {
        return after(entries, txSeq, new HashMap<>());
    }

    /**
     * The same, sharing the entries read with other versions: entries never change once committed,
     * so versions made one after another need not read the same ones again.
     */
    static FlowVersion after(FlowEntries entries, long txSeq, Map<Long, StoredEntry> read) {
        return new FlowVersion(entries, txSeq, read);
    }

    /** The flow after its latest committed entry. */
    static FlowVersion latest(FlowEntries entries) {
        return after(entries, entries.nextTxSeq() - 1);
    }

    /** The last entry in this version; -1 when there is none. */
    long lastTxSeq() {
        return lastTxSeq;
    }

    /** Sectors in use: the end of the last entry. */
    long length() {
        return length;
    }

    /** The height of the tree over the flow: the least h with 2<sup>h</sup> &ge; the length. */
    int height() {
        return length == 1 ? 0 : Long.SIZE - Long.numberOfLeadingZeros(length - 1);
    }

    /** The first entry that ends after {@code position}: the one holding it, or the next one after a gap. */
    Optional<StoredEntry> firstEndingAfter(long position) {
        long low = 0;
        long high = lastTxSeq + 1;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (entry(middle).endPosition() > position) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low > lastTxSeq ? Optional.empty() : Optional.of(entry(low));
    }

    private StoredEntry entry(long txSeq) {
        return read.computeIfAbsent(txSeq, seq -> entries.byTxSeq(seq)
                .orElseThrow(() -> new IllegalStateException("flow entry " + seq + " is missing, though entries up to " + lastTxSeq + " are committed")));
    }
}
