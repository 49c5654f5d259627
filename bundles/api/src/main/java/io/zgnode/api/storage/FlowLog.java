package io.zgnode.api.storage;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;

/**
 * The flow as of the last committed block, read from the Flow contract's state. Entries never
 * change once committed, so what one call returns stays true; calls made while blocks commit may
 * see different heads.
 */
@ProviderType
public interface FlowLog {

    /** The most entries {@link #entries(long, int)} returns at once. */
    int MAX_ENTRIES = 1_000;

    /** The Flow contract's address, which clients are told (the SDK reads it from a storage node's status). */
    Address flowAddress();

    /** The number of committed entries: the txSeq the next submission gets. */
    long nextTxSeq();

    Optional<FlowEntry> entry(long txSeq);

    /** Every entry of the file with this root, in txSeq order: a file may be submitted more than once. */
    List<FlowEntry> entriesByRoot(Hash root);

    /**
     * Entries from {@code fromTxSeq} in txSeq order, at most {@code max} (and at most
     * {@link #MAX_ENTRIES}); empty past the end.
     *
     * @throws IllegalArgumentException if {@code fromTxSeq} or {@code max} is negative
     */
    List<FlowEntry> entries(long fromTxSeq, int max);

    /**
     * The flow's Merkle root after the last entry, as 0G's Flow contract computes it: the tree
     * over sector positions 0 to 2<sup>h</sup> (the smallest power of two covering
     * {@link #flowLength()}), leaf 0 the all-zero identifier, each entry's nodes at their
     * positions, every other sector an empty (zero) chunk. {@link Hash#ZERO} before any entry.
     */
    Hash flowRoot();

    /** Sectors of the flow in use: the end of the last entry (1 before any: sector 0 is the identifier). */
    long flowLength();
}
