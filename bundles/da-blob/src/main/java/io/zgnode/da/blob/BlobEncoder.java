package io.zgnode.da.blob;

import java.util.Objects;

import io.zgnode.api.chain.Hash;
import io.zgnode.da.blob.internal.BlobLayout;
import io.zgnode.da.blob.internal.RowRoots;
import io.zgnode.da.blob.internal.RowTree;
import io.zgnode.da.erasure.ReedSolomon;

/**
 * Encodes payloads into {@link EncodedBlob}s of one shape: lays the payload out in k rows, computes
 * the parity rows, hashes every row and builds the tree over them.
 *
 * <p>Immutable and thread-safe. The code and the hashing run on up to {@link #withThreads(int)
 * threads} (the caller's and common fork-join pool tasks; by default as many as the machine has
 * cores); the result does not depend on the thread count. Memory: the n rows (3 x 32 MiB for the
 * largest payload at 0G's shape) and the code's working buffers; the payload is copied once, into
 * the data rows.
 */
public final class BlobEncoder {
    private final BlobShape shape;
    private final ReedSolomon code;
    private final int threads;

    private BlobEncoder(BlobShape shape, ReedSolomon code, int threads) {
        this.shape = shape;
        this.code = code;
        this.threads = threads;
    }

    public static BlobEncoder of(BlobShape shape) {
        int threads = Runtime.getRuntime().availableProcessors();
        return new BlobEncoder(shape, ReedSolomon.of(shape.dataRows(), shape.totalRows()).withThreads(threads), threads);
    }

    /** The same encoder, working on at most {@code threads} threads (1: only the caller's). */
    public BlobEncoder withThreads(int threads) {
        return new BlobEncoder(shape, code.withThreads(threads), threads);
    }

    public BlobShape shape() {
        return shape;
    }

    /**
     * @throws IllegalArgumentException if the payload is empty or larger than {@link BlobShape#MAX_PAYLOAD}
     */
    public EncodedBlob encode(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length == 0) {
            throw new IllegalArgumentException("a blob payload must hold at least 1 byte, got 0 bytes");
        }
        if (payload.length > BlobShape.MAX_PAYLOAD) {
            throw new IllegalArgumentException("a blob payload is at most " + BlobShape.MAX_PAYLOAD + " bytes, got " + payload.length
                    + " bytes");
        }
        int rowBytes = shape.rowBytes(payload.length);
        int k = shape.dataRows();
        byte[][] rows = new byte[shape.totalRows()][];
        byte[][] data = BlobLayout.dataRows(payload, k, rowBytes);
        System.arraycopy(data, 0, rows, 0, k);
        System.arraycopy(code.encode(data), 0, rows, k, shape.parityRows());

        Hash[] roots = new Hash[rows.length];
        Hash zero = RowTree.zeroRowRoot(rowBytes);
        for (int row = BlobLayout.filledRows(payload.length, rowBytes); row < k; row++) {
            roots[row] = zero;
        }
        RowRoots.fill(rows, roots, rowBytes, threads);
        return new EncodedBlob(shape, payload.length, rowBytes, rows, RowTree.of(roots, rowBytes));
    }

    @Override
    public String toString() {
        return "BlobEncoder[" + shape.describe() + ", " + threads + " threads]";
    }
}
