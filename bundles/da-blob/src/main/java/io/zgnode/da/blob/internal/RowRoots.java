package io.zgnode.da.blob.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

import io.zgnode.api.chain.Hash;
import io.zgnode.storage.merkle.SubtreeHasher;

/**
 * Hashes the rows of a matrix, on up to {@code threads} parts: the caller's thread and tasks of the
 * common fork-join pool (so nothing outlives the call), each with its own hasher, taking the next
 * row to hash from a shared counter so that no part waits on a slower one.
 */
public final class RowRoots {
    /** Below this many bytes to hash, one thread hashes them all: handing work over would cost more. */
    private static final long PARALLEL_BYTES = 1L << 20;

    private RowRoots() {
    }

    /** Sets {@code roots[i]} to the root of {@code rows[i]} wherever it is null (the others are known already). */
    public static void fill(byte[][] rows, Hash[] roots, int rowBytes, int threads) {
        int toHash = 0;
        for (Hash root : roots) {
            toHash += root == null ? 1 : 0;
        }
        int parts = (long) toHash * rowBytes < PARALLEL_BYTES ? 1 : Math.max(1, Math.min(threads, toHash));
        AtomicInteger next = new AtomicInteger();
        List<ForkJoinTask<?>> others = new ArrayList<>();
        for (int part = 1; part < parts; part++) {
            others.add(ForkJoinPool.commonPool().submit(() -> hash(rows, roots, rowBytes, next)));
        }
        try {
            hash(rows, roots, rowBytes, next);
        } finally {
            for (ForkJoinTask<?> task : others) {
                task.join();
            }
        }
    }

    private static void hash(byte[][] rows, Hash[] roots, int rowBytes, AtomicInteger next) {
        SubtreeHasher hasher = new SubtreeHasher();
        for (int row = next.getAndIncrement(); row < rows.length; row = next.getAndIncrement()) {
            if (roots[row] == null) {
                roots[row] = hasher.root(rows[row], 0, rowBytes);
            }
        }
    }
}
