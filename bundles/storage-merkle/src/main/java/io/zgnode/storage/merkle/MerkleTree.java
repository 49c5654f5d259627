package io.zgnode.storage.merkle;

import java.util.List;

import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;
import io.zgnode.storage.merkle.internal.HashLevels;

/**
 * A Merkle tree over given leaf hashes, built by 0G's rule: neighbours are paired left to right,
 * {@code keccak(left || right)}, and a level's odd last node moves up unchanged. Its proofs have the
 * {@link SegmentProof} format.
 *
 * <p>This is the file tree seen from any level: when the leaves are the roots of consecutive,
 * equal power-of-two runs of a file's padded chunks ({@link SubtreeHasher}; zero runs are
 * {@link ZeroHashes}), the root is the file root. Immutable and thread-safe.
 */
public final class MerkleTree {
    private final HashLevels levels;

    private MerkleTree(HashLevels levels) {
        this.levels = levels;
    }

    /** @throws IllegalArgumentException if there are no leaves */
    public static MerkleTree of(List<Hash> leaves) {
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("a Merkle tree needs at least one leaf");
        }
        byte[] bytes = new byte[Math.multiplyExact(leaves.size(), HashLevels.HASH)];
        for (int i = 0; i < leaves.size(); i++) {
            System.arraycopy(leaves.get(i).toArray(), 0, bytes, i * HashLevels.HASH, HashLevels.HASH);
        }
        return new MerkleTree(new HashLevels(new Keccak256.Hasher(), bytes, leaves.size()));
    }

    public int leafCount() {
        return levels.leafCount();
    }

    public Hash root() {
        return levels.root();
    }

    public Hash leaf(int index) {
        if (index < 0 || index >= leafCount()) {
            throw new IndexOutOfBoundsException("leaf " + index + " of " + leafCount());
        }
        return levels.node(0, index);
    }

    /** The proof of leaf {@code index}: the leaf, its siblings from the bottom up, the root. */
    public SegmentProof proof(int index) {
        return levels.proof(index);
    }
}
