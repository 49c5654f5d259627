package io.zgnode.da.blob.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.zgnode.api.chain.Hash;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.MerkleTree;
import io.zgnode.storage.merkle.ZeroHashes;

/**
 * The storage Merkle tree of an encoded matrix (n rows of R bytes, one after another, as one file),
 * taken from the level of its rows: every row is a whole subtree, so the file tree is the tree over
 * the row roots, followed by zero rows for the flow's padding.
 */
public final class RowTree {

    private RowTree() {
    }

    /**
     * The leaves of the tree over the rows of {@code rowBytes} (256 B x 2<sup>r</sup>): the rows and
     * the flow's padding. The flow pads in units of a sixteenth of the next power of two of the
     * chunk count; for n x 2<sup>r</sup> chunks that unit is a whole number of rows or divides 2<sup>r</sup>
     * (both are powers of two), so the padding is whole zero rows.
     */
    public static int leaves(int totalRows, int rowBytes) {
        long rowChunks = rowBytes / FileLayout.CHUNK_SIZE;
        long padded = new FileLayout((long) totalRows * rowBytes).paddedChunks();
        if (padded % rowChunks != 0) {
            throw new AssertionError(totalRows + " rows of " + rowBytes + " bytes padded to " + padded + " chunks");
        }
        return Math.toIntExact(padded / rowChunks);
    }

    /** The root of a row of zeros: the zero subtree of its height. */
    public static Hash zeroRowRoot(int rowBytes) {
        return ZeroHashes.of(Integer.numberOfTrailingZeros(rowBytes / FileLayout.CHUNK_SIZE));
    }

    /** The tree over the roots of all n rows, the padding added. */
    public static MerkleTree of(Hash[] rowRoots, int rowBytes) {
        List<Hash> leaves = new ArrayList<>(Arrays.asList(rowRoots));
        Hash zero = zeroRowRoot(rowBytes);
        for (int i = rowRoots.length, count = leaves(rowRoots.length, rowBytes); i < count; i++) {
            leaves.add(zero);
        }
        return MerkleTree.of(leaves);
    }
}
