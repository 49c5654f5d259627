package io.zgnode.storage.rpc;

import java.util.List;
import java.util.Optional;

import io.zgnode.api.chain.Hash;
import io.zgnode.storage.intake.FlowEntries;
import io.zgnode.storage.intake.StoredEntry;

/** Committed entries a test lists by hand, in txSeq order (the list is read at each call). */
final class ListedEntries implements FlowEntries {

    private final List<StoredEntry> flow;

    ListedEntries(List<StoredEntry> flow) {
        this.flow = flow;
    }

    @Override
    public Optional<StoredEntry> byTxSeq(long txSeq) {
        return txSeq >= 0 && txSeq < flow.size() ? Optional.of(flow.get((int) txSeq)) : Optional.empty();
    }

    @Override
    public List<StoredEntry> byRoot(Hash root) {
        return flow.stream().filter(entry -> entry.root().equals(root)).toList();
    }

    @Override
    public long nextTxSeq() {
        return flow.size();
    }
}
