package io.zgnode.da.blob;

import io.zgnode.api.chain.Hash;
import io.zgnode.storage.merkle.MerkleTree;

/**
 * A payload laid out in k rows, extended to n rows by the code, and committed by its data root: the
 * 0G storage Merkle root of the encoded matrix seen as one file (rows 0 .. n-1 one after another,
 * n x {@link #rowBytes()} bytes). Each row comes with its proof against that root.
 *
 * <p>Immutable and thread-safe: {@link #row(int)} hands out a copy of the row's bytes.
 */
public final class EncodedBlob {
    private final BlobShape shape;
    private final int payloadLength;
    private final int rowBytes;
    /** All n rows; never handed out. */
    private final byte[][] rows;
    private final MerkleTree tree;

    EncodedBlob(BlobShape shape, int payloadLength, int rowBytes, byte[][] rows, MerkleTree tree) {
        this.shape = shape;
        this.payloadLength = payloadLength;
        this.rowBytes = rowBytes;
        this.rows = rows;
        this.tree = tree;
    }

    public BlobShape shape() {
        return shape;
    }

    public int payloadLength() {
        return payloadLength;
    }

    public int rowBytes() {
        return rowBytes;
    }

    public Hash dataRoot() {
        return tree.root();
    }

    /**
     * Row {@code index} with its proof: rows 0 .. k-1 are the blob's own bytes (the code is
     * systematic), rows k .. n-1 its parity.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < n}
     */
    public BlobRow row(int index) {
        if (index < 0 || index >= rows.length) {
            throw new IndexOutOfBoundsException("row " + index + " of " + rows.length);
        }
        return new BlobRow(index, rows[index].clone(), RowProof.of(tree.proof(index)));
    }

    @Override
    public String toString() {
        return "EncodedBlob[" + shape.describe() + " rows of " + rowBytes + " bytes, payload " + payloadLength + " bytes, dataRoot="
                + dataRoot() + "]";
    }
}
