package io.zgnode.storage.flow;

import java.util.ArrayList;
import java.util.List;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.storage.FlowEntry;
import io.zgnode.ethereum.RlpItem;

/**
 * An entry as the Flow contract stores it: RLP, compact because every stored byte costs gas,
 * with the flow root after the entry, which {@code getFlowRootByTxSeq} answers.
 */
final class EntryCodec {

    /** A stored entry and the flow's root once it was appended. */
    record Stored(FlowEntry entry, Hash flowRoot) {
    }

    private EntryCodec() {
    }

    static byte[] encode(FlowEntry entry, Hash flowRoot) {
        List<RlpItem> nodes = new ArrayList<>(entry.nodes().size());
        for (FlowEntry.Node node : entry.nodes()) {
            nodes.add(RlpItem.list(RlpItem.of(node.root()), RlpItem.of(node.height())));
        }
        return RlpItem.list(RlpItem.of(entry.txSeq()), RlpItem.of(entry.root()), RlpItem.of(entry.size()), RlpItem.of(entry.startPosition()),
                RlpItem.of(entry.length()), RlpItem.list(nodes), RlpItem.of(entry.tags()), RlpItem.of(entry.sender()),
                RlpItem.of(entry.blockNumber()), RlpItem.of(entry.transactionHash()), RlpItem.of(flowRoot)).encode();
    }

    static Stored decode(byte[] encoded) {
        List<RlpItem> fields = RlpItem.decode(encoded).items();
        List<FlowEntry.Node> nodes = new ArrayList<>();
        for (RlpItem node : fields.get(5).items()) {
            nodes.add(new FlowEntry.Node(node.items().get(0).asHash(), Math.toIntExact(node.items().get(1).asLong())));
        }
        FlowEntry entry = new FlowEntry(fields.get(0).asLong(), fields.get(1).asHash(), fields.get(2).asLong(), fields.get(3).asLong(),
                fields.get(4).asLong(), nodes, fields.get(6).bytes(), fields.get(7).asAddress(), fields.get(8).asLong(),
                fields.get(9).asHash());
        return new Stored(entry, fields.get(10).asHash());
    }
}
