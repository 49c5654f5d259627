package io.zgnode.storage.intake;

import java.util.List;
import java.util.Optional;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.storage.FlowEntry;
import io.zgnode.api.storage.FlowLog;
import io.zgnode.storage.merkle.SubmissionNode;

/** The committed entries as the chain's {@link FlowLog} records them. */
public final class LogEntries implements FlowEntries {

    private final FlowLog log;

    public LogEntries(FlowLog log) {
        this.log = log;
    }

    public static StoredEntry stored(FlowEntry entry) {
        List<SubmissionNode> nodes = entry.nodes().stream().map(node -> new SubmissionNode(node.root(), node.height())).toList();
        return new StoredEntry(entry.txSeq(), entry.root(), entry.size(), entry.startPosition(), nodes);
    }

    @Override
    public Optional<StoredEntry> byTxSeq(long txSeq) {
        return log.entry(txSeq).map(LogEntries::stored);
    }

    @Override
    public List<StoredEntry> byRoot(Hash root) {
        return log.entriesByRoot(root).stream().map(LogEntries::stored).toList();
    }

    @Override
    public long nextTxSeq() {
        return log.nextTxSeq();
    }
}
