package io.zgnode.api.storage;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;

/**
 * One committed entry of the flow: a file submitted by {@code Flow.submit}.
 *
 * @param txSeq the entry's number, from 0, in submission order
 * @param root the file's Merkle root (the root the official SDK computes for the file)
 * @param size the file's length in bytes
 * @param startPosition the flow sector where the entry's first node starts
 * @param length the sectors the entry occupies from {@code startPosition}: the sum of
 *        2<sup>height</sup> over its nodes (the file's padded chunk count), what the fee is paid for
 * @param nodes the submission's nodes, heights strictly decreasing; they lie back to back from
 *        {@code startPosition}
 * @param tags the submission's tags, as submitted (0G's KV layer keeps stream ids there)
 * @param sender who sent the transaction
 * @param blockNumber the block that holds the entry
 * @param transactionHash the transaction that submitted it
 */
public record FlowEntry(long txSeq, Hash root, long size, long startPosition, long length, List<Node> nodes, byte[] tags,
        Address sender, long blockNumber, Hash transactionHash) {

    /** A submission node: the root of 2<sup>height</sup> consecutive sectors of the entry. */
    public record Node(Hash root, int height) {

        public Node {
            Objects.requireNonNull(root, "root");
        }
    }

    public FlowEntry {
        Objects.requireNonNull(root, "root");
        nodes = List.copyOf(nodes);
        tags = tags.clone();
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(transactionHash, "transactionHash");
    }

    @Override
    public byte[] tags() {
        return tags.clone();
    }

    /** The first sector after the entry. */
    public long endPosition() {
        return startPosition + length;
    }

    /** Equal when every field is, tags compared by content. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FlowEntry e && txSeq == e.txSeq && root.equals(e.root) && size == e.size
                && startPosition == e.startPosition && length == e.length && nodes.equals(e.nodes) && Arrays.equals(tags, e.tags)
                && sender.equals(e.sender) && blockNumber == e.blockNumber && transactionHash.equals(e.transactionHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(txSeq, root);
    }

    @Override
    public String toString() {
        return "FlowEntry[txSeq=" + txSeq + ", root=" + root + ", size=" + size + ", startPosition=" + startPosition + ", length="
                + length + ", nodes=" + nodes + ", tags=0x" + HexFormat.of().formatHex(tags) + ", sender=" + sender
                + ", blockNumber=" + blockNumber + ", transactionHash=" + transactionHash + "]";
    }
}
