package io.zgnode.storage.rpc;

import java.util.List;

import io.zgnode.storage.intake.StoredEntry;

/**
 * {@code zgs_getFileInfo}'s answer, field for field as 0G's storage node gives it; the SDK reads
 * {@code tx.seq}, {@code tx.startEntryIndex}, {@code tx.size}, {@code finalized} and
 * {@code uploadedSegNum}.
 */
public record FileInfoJson(TxJson tx, boolean finalized, boolean isCached, long uploadedSegNum, boolean pruned) {

    /** The flow entry as 0G's node describes it; {@code merkleNodes} are [height, root] pairs. */
    public record TxJson(List<String> streamIds, List<Integer> data, String dataMerkleRoot, List<List<Object>> merkleNodes, long startEntryIndex,
            long size, long seq) {
    }

    static FileInfoJson of(StoredEntry entry, long held, boolean finalized) {
        List<List<Object>> nodes = entry.nodes().stream().map(node -> List.<Object>of(node.height(), node.root().toString())).toList();
        TxJson tx = new TxJson(List.of(), List.of(), entry.root().toString(), nodes, entry.startPosition(), entry.size(), entry.txSeq());
        return new FileInfoJson(tx, finalized, false, held, false);
    }
}
