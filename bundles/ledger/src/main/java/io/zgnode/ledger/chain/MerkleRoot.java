package io.zgnode.ledger.chain;

import java.util.ArrayList;
import java.util.List;

import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;

/**
 * The root of an ordered list (a block's transactions, its receipts): a binary Keccak-256 tree
 * over the items' hashes, an odd node carried up unchanged; the root of an empty list is
 * Keccak-256 of nothing. Our own format: Ethereum clients do not check these roots.
 */
final class MerkleRoot {

    static final Hash EMPTY = Hash.of(Keccak256.hash(new byte[0]));

    private MerkleRoot() {
    }

    static Hash of(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return EMPTY;
        }
        List<byte[]> level = leafHashes;
        while (level.size() > 1) {
            List<byte[]> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(Keccak256.hash(level.get(i), level.get(i + 1)));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
        }
        return Hash.of(level.get(0));
    }
}
