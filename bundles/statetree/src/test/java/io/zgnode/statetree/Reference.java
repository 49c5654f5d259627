package io.zgnode.statetree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;

/**
 * The tree by its definition (package documentation), written as plainly as possible and
 * independently of the 16-way nodes: the oracle the tests compare roots and proofs with.
 */
final class Reference {

    static final byte[] ZERO = new byte[32];

    private Reference() {
    }

    static NavigableMap<Hash, Hash> model() {
        return new TreeMap<>();
    }

    static byte[] leaf(byte[] key, byte[] value) {
        return Keccak256.hash(concat(new byte[] {0x00}, key, value));
    }

    static byte[] internal(byte[] left, byte[] right) {
        return Keccak256.hash(concat(new byte[] {0x01}, left, right));
    }

    static int bit(byte[] key, int i) {
        return (key[i / 8] >> (7 - i % 8)) & 1;
    }

    static Hash root(Map<Hash, Hash> pairs) {
        List<byte[][]> list = list(pairs);
        return Hash.of(hash(list, 0));
    }

    private static List<byte[][]> list(Map<Hash, Hash> pairs) {
        List<byte[][]> list = new ArrayList<>();
        for (Map.Entry<Hash, Hash> e : new TreeMap<>(pairs).entrySet()) {
            list.add(new byte[][] {e.getKey().toArray(), e.getValue().toArray()});
        }
        return list;
    }

    private static byte[] hash(List<byte[][]> pairs, int depth) {
        if (pairs.isEmpty()) {
            return ZERO.clone();
        }
        if (pairs.size() == 1) {
            return leaf(pairs.get(0)[0], pairs.get(0)[1]);
        }
        List<byte[][]> left = new ArrayList<>();
        List<byte[][]> right = new ArrayList<>();
        for (byte[][] p : pairs) {
            (bit(p[0], depth) == 0 ? left : right).add(p);
        }
        return internal(hash(left, depth + 1), hash(right, depth + 1));
    }

    /** The proof of {@code key} by the definition. */
    static Proof proof(Map<Hash, Hash> pairs, Hash keyHash) {
        byte[] key = keyHash.toArray();
        List<byte[][]> current = list(pairs);
        List<byte[]> siblings = new ArrayList<>();
        int depth = 0;
        while (current.size() >= 2) {
            List<byte[][]> same = new ArrayList<>();
            List<byte[][]> other = new ArrayList<>();
            for (byte[][] p : current) {
                (bit(p[0], depth) == bit(key, depth) ? same : other).add(p);
            }
            siblings.add(hash(other, depth + 1));
            current = same;
            depth++;
        }
        byte[] flat = new byte[siblings.size() * 32];
        for (int i = 0; i < siblings.size(); i++) {
            System.arraycopy(siblings.get(i), 0, flat, i * 32, 32);
        }
        return current.isEmpty() ? new Proof(depth, flat, null, null)
                : new Proof(depth, flat, current.get(0)[0].clone(), current.get(0)[1].clone());
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** A key hash from hex digits, right-padded with zeros to 32 bytes. */
    static Hash key(String hexPrefix) {
        byte[] bytes = Arrays.copyOf(java.util.HexFormat.of().parseHex(hexPrefix), 32);
        return Hash.of(bytes);
    }

    static Hash value(String text) {
        return Hash.of(Keccak256.hash(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static Hash keyOf(int i) {
        return Hash.of(Keccak256.hash(("key-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
