package io.zgnode.storage.merkle;

import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;

/**
 * Roots of all-zero subtrees: {@code of(h)} is the root over 2<sup>h</sup> zero chunks, so
 * {@code of(0)} is the leaf of an empty chunk and {@code of(10)} the root of a padding segment.
 * Proof nodes that cover only flow padding must equal these.
 */
public final class ZeroHashes {
    /** The highest subtree a submission may name (its heights are below 64). */
    public static final int MAX_HEIGHT = 63;

    private static final Hash[] HASHES = compute();

    private ZeroHashes() {
    }

    public static Hash of(int height) {
        if (height < 0 || height > MAX_HEIGHT) {
            throw new IllegalArgumentException("height must be 0 to " + MAX_HEIGHT + ", got " + height);
        }
        return HASHES[height];
    }

    private static Hash[] compute() {
        Hash[] hashes = new Hash[MAX_HEIGHT + 1];
        byte[] node = Keccak256.hash(new byte[FileLayout.CHUNK_SIZE]);
        for (int height = 0; height <= MAX_HEIGHT; height++) {
            hashes[height] = Hash.of(node);
            node = Keccak256.hash(node, node);
        }
        return hashes;
    }
}
