package io.zgnode.storage.merkle.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;
import io.zgnode.storage.merkle.SegmentProof;

/**
 * Every level of a Merkle tree over 32-byte leaves, built the way 0G builds its trees: adjacent
 * nodes are paired left to right and a level's odd last node moves up unchanged. Node {@code j} of
 * level {@code k} is then the perfect subtree over leaves {@code [j 2^k, (j+1) 2^k)} whenever those
 * all exist, which is what submission nodes and proofs read off it.
 */
public final class HashLevels {
    public static final int HASH = Keccak256.DIGEST_LENGTH;

    /** levels.get(k) holds the nodes of level k back to back, 32 bytes each. */
    private final List<byte[]> levels = new ArrayList<>();

    /** @param leaves {@code count} hashes back to back; copied */
    public HashLevels(Keccak256.Hasher hasher, byte[] leaves, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a tree needs at least one leaf");
        }
        byte[] level = Arrays.copyOf(leaves, count * HASH);
        levels.add(level);
        while (count > 1) {
            byte[] next = new byte[(count + 1) / 2 * HASH];
            count = reduce(hasher, level, count, next);
            levels.add(next);
            level = next;
        }
    }

    /**
     * Hashes one level into the next: writes {@code (count + 1) / 2} nodes to {@code to}, which may
     * be {@code from} itself (node i is written only after nodes 2i and 2i+1 are read).
     *
     * @return the node count of the next level
     */
    public static int reduce(Keccak256.Hasher hasher, byte[] from, int count, byte[] to) {
        int pairs = count >>> 1;
        for (int i = 0; i < pairs; i++) {
            hasher.update(from, 2 * i * HASH, 2 * HASH).digest(to, i * HASH);
        }
        if ((count & 1) == 1) {
            System.arraycopy(from, (count - 1) * HASH, to, pairs * HASH, HASH);
        }
        return pairs + (count & 1);
    }

    public int leafCount() {
        return levels.get(0).length / HASH;
    }

    public Hash root() {
        return node(levels.size() - 1, 0);
    }

    public Hash node(int level, int index) {
        return Hash.of(Arrays.copyOfRange(levels.get(level), index * HASH, (index + 1) * HASH));
    }

    public SegmentProof proof(int leaf) {
        if (leaf < 0 || leaf >= leafCount()) {
            throw new IndexOutOfBoundsException("leaf " + leaf + " of " + leafCount());
        }
        if (leafCount() == 1) {
            return new SegmentProof(List.of(root()), List.of());
        }
        List<Hash> lemma = new ArrayList<>();
        List<Boolean> path = new ArrayList<>();
        lemma.add(node(0, leaf));
        int index = leaf;
        for (int level = 0; level < levels.size() - 1; level++) {
            int count = levels.get(level).length / HASH;
            boolean carried = index == count - 1 && (count & 1) == 1;
            if (!carried) {
                lemma.add(node(level, index ^ 1));
                path.add((index & 1) == 0);
            }
            index >>>= 1;
        }
        lemma.add(root());
        return new SegmentProof(lemma, path);
    }
}
