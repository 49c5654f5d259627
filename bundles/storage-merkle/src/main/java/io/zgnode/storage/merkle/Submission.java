package io.zgnode.storage.merkle;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;

/**
 * What {@code Flow.submit} records for a file: its length in bytes, free-form tags, and the padded
 * chunks split into descending powers of two, each given by its subtree root. The flow appends the
 * nodes one after another, so the file lands in the flow exactly as its padded chunks.
 */
public record Submission(long length, byte[] tags, List<SubmissionNode> nodes) {
    private static final int MAX_NODES_SPAN = 4;
    private static final int MAX_HEIGHT_EXCLUSIVE = 64;

    public Submission {
        tags = Objects.requireNonNull(tags, "tags").clone();
        nodes = List.copyOf(nodes);
    }

    @Override
    public byte[] tags() {
        return tags.clone();
    }

    /** Chunks (sectors) the submission occupies in the flow; the SDK pays for these. */
    public long sectors() {
        long sectors = 0;
        for (SubmissionNode node : nodes) {
            sectors = Math.addExact(sectors, 1L << node.height());
        }
        return sectors;
    }

    /**
     * The file root the nodes make: the file tree carries a level's odd last node up unchanged, so
     * descending power-of-two subtrees join from the right, {@code keccak(n0 || keccak(n1 || n2))}.
     * How a node that sees only a submission (the Flow contract's) knows which file it is.
     *
     * @throws IllegalStateException if there are no nodes
     */
    public Hash root() {
        if (nodes.isEmpty()) {
            throw new IllegalStateException("a submission without nodes has no root");
        }
        byte[] root = nodes.get(nodes.size() - 1).root().toArray();
        for (int i = nodes.size() - 2; i >= 0; i--) {
            root = Keccak256.hash(nodes.get(i).root().toArray(), root);
        }
        return Hash.of(root);
    }

    /**
     * The structural rules the flow contract applies before it accepts a submission: at least one
     * node, heights strictly decreasing, the first below 64, first minus last below 4, and a length
     * that fits the nodes but would not fit in the next smaller shape the padding rule allows.
     */
    public boolean isValid() {
        if (nodes.isEmpty() || length < 0) {
            return false;
        }
        int first = nodes.get(0).height();
        int last = nodes.get(nodes.size() - 1).height();
        if (first >= MAX_HEIGHT_EXCLUSIVE || first - last >= MAX_NODES_SPAN) {
            return false;
        }
        // Distinct heights below 64: their sum is their bitwise or, exact as an unsigned long.
        long capacity = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0 && nodes.get(i).height() >= nodes.get(i - 1).height()) {
                return false;
            }
            capacity |= 1L << nodes.get(i).height();
        }
        long usedChunks = length == 0 ? 0 : (length - 1) / FileLayout.CHUNK_SIZE + 1;
        long smallerCapacity = Long.compareUnsigned(capacity, 16) < 0 ? capacity - 1
                : nodes.size() == 1 ? capacity - (capacity >>> 4)
                : capacity - (1L << (first - 3));
        return Long.compareUnsigned(usedChunks, capacity) <= 0 && Long.compareUnsigned(usedChunks, smallerCapacity) > 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Submission that && length == that.length && Arrays.equals(tags, that.tags)
                && nodes.equals(that.nodes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(length, Arrays.hashCode(tags), nodes);
    }

    @Override
    public String toString() {
        return "Submission[length=" + length + ", tags=0x" + HexFormat.of().formatHex(tags) + ", nodes=" + nodes + "]";
    }
}
