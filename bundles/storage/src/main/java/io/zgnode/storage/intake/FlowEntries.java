package io.zgnode.storage.intake;

import java.util.List;
import java.util.Optional;

import io.zgnode.api.chain.Hash;

/** The committed flow entries, as the storage node looks them up. */
public interface FlowEntries {

    Optional<StoredEntry> byTxSeq(long txSeq);

    /** Every entry with this root, oldest first: a file may be submitted more than once. */
    List<StoredEntry> byRoot(Hash root);

    /** The txSeq the next submission will get: how many entries there are. */
    long nextTxSeq();
}
