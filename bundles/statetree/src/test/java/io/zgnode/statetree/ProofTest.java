package io.zgnode.statetree;

import static io.zgnode.statetree.Reference.key;
import static io.zgnode.statetree.Reference.keyOf;
import static io.zgnode.statetree.Reference.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.store.WriteBatch;
import io.zgnode.store.internal.MapDbStore;

class ProofTest {

    @TempDir
    Path dir;

    private MapDbStore store;
    private final StateTree tree = new StateTree();
    private final NavigableMap<Hash, Hash> model = new TreeMap<>();

    @BeforeEach
    void open() {
        store = TestStores.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Hash put(SortedMap<Hash, Hash> changes) {
        changes.forEach((k, v) -> {
            if (v == null) {
                model.remove(k);
            } else {
                model.put(k, v);
            }
        });
        try (WriteBatch batch = store.newBatch()) {
            Hash root = tree.update(batch, changes);
            batch.commit();
            assertThat(root).isEqualTo(Reference.root(model));
            return root;
        }
    }

    private Hash fill(int n) {
        SortedMap<Hash, Hash> changes = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            changes.put(keyOf(i), value("v" + i));
        }
        return put(changes);
    }

    /** Checks a proof both ways and through its encodings; returns it. */
    private Proof check(Hash root, Hash k) {
        return check(root, k, true);
    }

    /** As {@link #check(Hash, Hash)}, comparing with the reference proof (slow on large trees) when asked. */
    private Proof check(Hash root, Hash k, boolean compareWithReference) {
        Proof proof = tree.prove(store, k);
        if (compareWithReference) {
            assertThat(proof).as("proof of %s", k).isEqualTo(Reference.proof(model, k));
        }
        Hash expected = model.get(k);
        assertThat(proof.valueFor(k)).isEqualTo(expected);
        assertThat(StateTree.verify(root, k, expected, proof)).isTrue();
        // the opposite claim fails
        assertThat(StateTree.verify(root, k, expected == null ? value("anything") : null, proof)).isFalse();
        if (expected != null) {
            assertThat(StateTree.verify(root, k, value("other value"), proof)).isFalse();
        }
        Proof back = Proof.fromBytes(proof.toBytes());
        assertThat(back).isEqualTo(proof);
        assertThat(Proof.fromHex(proof.toHex())).isEqualTo(proof);
        assertThat(Proof.fromHex(proof.toHex().substring(2).toUpperCase())).isEqualTo(proof);
        assertThat(StateTree.verify(root, k, expected, back)).isTrue();
        return proof;
    }

    @Test
    void proofsOfAnEmptyTree() {
        Proof proof = check(Hash.ZERO, keyOf(1));
        assertThat(proof.depth()).isZero();
        assertThat(proof.endsInLeaf()).isFalse();
        assertThat(proof.toBytes()).containsExactly(0, 0, 0);
        assertThat(StateTree.verify(value("not the root"), keyOf(1), null, proof)).isFalse();
    }

    @Test
    void proofsOfATreeOfOne() {
        Hash root = fill(1);
        Proof inclusion = check(root, keyOf(0));
        assertThat(inclusion.depth()).isZero();
        Proof exclusion = check(root, keyOf(1));
        assertThat(exclusion.endsInLeaf()).isTrue();
        assertThat(exclusion.leafKey()).isEqualTo(keyOf(0));
    }

    @Test
    void inclusionAndExclusionForManyKeys() {
        Hash root = fill(2000);
        int leafEnded = 0;
        int emptyEnded = 0;
        for (int i = 0; i < 2500; i++) {
            Proof proof = check(root, keyOf(i), i % 25 == 0 || i >= 2400);
            if (i >= 2000) {
                if (proof.endsInLeaf()) {
                    leafEnded++;
                } else {
                    emptyEnded++;
                }
            }
        }
        // exclusion proofs of both kinds occurred
        assertThat(leafEnded).isPositive();
        assertThat(emptyEnded).isPositive();
        // after deletes too
        SortedMap<Hash, Hash> deletes = new TreeMap<>();
        for (int i = 0; i < 2000; i += 3) {
            deletes.put(keyOf(i), null);
        }
        Hash after = put(deletes);
        for (int i = 0; i < 2000; i += 7) {
            check(after, keyOf(i), i % 10 == 0);
            // a proof from before the deletes does not hold under the new root
            Proof old = Proof.fromBytes(Proof.fromBytes(tree.prove(store, keyOf(i)).toBytes()).toBytes());
            assertThat(StateTree.verify(root, keyOf(i), model.get(keyOf(i)), old)).isEqualTo(after.equals(root));
        }
    }

    @Test
    void keysSharingALongPrefixWithAnExistingKey() {
        Hash base = key("5a".repeat(32));
        SortedMap<Hash, Hash> changes = new TreeMap<>();
        changes.put(base, value("base"));
        changes.put(flip(base, 1), value("far")); // keeps the root a branch
        for (int i = 0; i < 50; i++) {
            changes.put(keyOf(i), value("filler" + i));
        }
        Hash root = put(changes);
        for (int bit : new int[] {2, 9, 60, 61, 64, 127, 128, 200, 250, 255}) {
            Hash near = flip(base, bit); // absent; shares `bit` bits with base
            Proof proof = check(root, near);
            if (bit >= 20) { // past the fillers: base's leaf holds the place of every key near it
                assertThat(proof.endsInLeaf()).isTrue();
                assertThat(proof.leafKey()).isEqualTo(base);
            }
            // no proof of presence can be made from it
            assertThat(StateTree.verify(root, near, value("base"), proof)).isFalse();
        }
        // now add a key sharing 250 bits with base: proofs go 251 levels deep
        SortedMap<Hash, Hash> deep = new TreeMap<>();
        deep.put(flip(base, 250), value("deep"));
        root = put(deep);
        Proof proof = check(root, base);
        assertThat(proof.depth()).isEqualTo(251);
        assertThat(check(root, flip(base, 250)).depth()).isEqualTo(251);
        // a key between them: shares 251 bits with base and sits in an empty position... or in
        // one of their leaves' places: either way it is proven absent
        Proof between = check(root, flip(base, 252));
        assertThat(between.depth()).isEqualTo(251);
        assertThat(between.leafKey()).isEqualTo(base);
        // the base's proof does not show the other key absent: its leaf is not on that path
        assertThat(StateTree.verify(root, flip(base, 250), null, proof)).isFalse();
        assertThat(StateTree.verify(root, flip(base, 100), null, proof)).isFalse();
    }

    static Hash flip(Hash key, int bit) {
        byte[] k = key.toArray();
        k[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
        return Hash.of(k);
    }

    @Test
    void everyBitFlipOfAProofFails() {
        Hash root = fill(300);
        Hash present = keyOf(17);
        Hash absent = keyOf(100_000);
        for (Hash k : new Hash[] {present, absent}) {
            Proof proof = tree.prove(store, k);
            Hash claimed = model.get(k);
            byte[] bytes = proof.toBytes();
            int rejected = 0;
            int refuted = 0;
            for (int i = 0; i < bytes.length; i++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] tampered = bytes.clone();
                    tampered[i] ^= (byte) (1 << bit);
                    Proof parsed;
                    try {
                        parsed = Proof.fromBytes(tampered);
                    } catch (IllegalArgumentException e) {
                        assertThat(e).hasMessageStartingWith("malformed state proof: ");
                        rejected++;
                        continue;
                    }
                    assertThat(StateTree.verify(root, k, claimed, parsed)).as("byte %d bit %d", i, bit).isFalse();
                    // nor does it prove anything else about the key
                    Hash shown = parsed.valueFor(k);
                    assertThat(StateTree.verify(root, k, shown, parsed)).as("byte %d bit %d", i, bit).isFalse();
                    refuted++;
                }
            }
            assertThat(rejected + refuted).isEqualTo(bytes.length * 8);
            assertThat(rejected).isPositive();
            assertThat(refuted).isPositive();
        }
    }

    @Test
    void tamperedSiblingsRootsAndKeysFail() {
        Hash root = fill(100);
        Hash k = keyOf(5);
        Proof proof = tree.prove(store, k);
        assertThat(StateTree.verify(root, keyOf(6), model.get(k), proof)).isFalse();
        assertThat(StateTree.verify(flip(root, 0), k, model.get(k), proof)).isFalse();
        for (int i = 0; i < proof.depth(); i++) {
            byte[] siblings = new byte[proof.depth() * 32];
            for (int j = 0; j < proof.depth(); j++) {
                System.arraycopy(proof.sibling(j).toArray(), 0, siblings, j * 32, 32);
            }
            siblings[i * 32 + 31] ^= 1;
            Proof bad = new Proof(proof.depth(), siblings, proof.leafKey().toArray(), proof.leafValue().toArray());
            assertThat(StateTree.verify(root, k, model.get(k), bad)).isFalse();
        }
        // dropping or adding a level fails
        Proof shorter = new Proof(proof.depth() - 1, Arrays.copyOf(siblingBytes(proof), (proof.depth() - 1) * 32),
                proof.leafKey().toArray(), proof.leafValue().toArray());
        assertThat(StateTree.verify(root, k, model.get(k), shorter)).isFalse();
        Proof longer = new Proof(proof.depth() + 1, Arrays.copyOf(siblingBytes(proof), (proof.depth() + 1) * 32),
                proof.leafKey().toArray(), proof.leafValue().toArray());
        assertThat(StateTree.verify(root, k, model.get(k), longer)).isFalse();
        // an inclusion proof turned into "ends empty" does not prove absence
        Proof emptied = new Proof(proof.depth(), siblingBytes(proof), null, null);
        assertThat(StateTree.verify(root, k, null, emptied)).isFalse();
    }

    private static byte[] siblingBytes(Proof proof) {
        byte[] out = new byte[proof.depth() * 32];
        for (int j = 0; j < proof.depth(); j++) {
            System.arraycopy(proof.sibling(j).toArray(), 0, out, j * 32, 32);
        }
        return out;
    }

    @Test
    void malformedEncodingsAreRejectedClearly() {
        Hash root = fill(50);
        byte[] good = tree.prove(store, keyOf(3)).toBytes();
        byte[] empty = tree.prove(store, keyOf(10_000)).toBytes();
        assertBad(new byte[0], "too short");
        assertBad(new byte[] {0, 0}, "too short");
        assertBad(new byte[] {2, 0, 0}, "unknown kind 0x2");
        assertBad(new byte[] {(byte) 0xff, 0, 0}, "unknown kind 0xff");
        assertBad(new byte[] {0, 1, 1}, "depth 257 exceeds 256");
        assertBad(new byte[] {0, (byte) 0xff, (byte) 0xff}, "depth 65535");
        assertBad(new byte[] {0, 0, 9}, "truncated in the sibling bitmap");
        assertBad(new byte[] {0, 0, 3, (byte) 0x10}, "bits set beyond depth 3");
        assertBad(new byte[] {0, 0, 1, (byte) 0x80}, "bytes where its header and bitmap call for 36");
        byte[] zeroSibling = new byte[4 + 32];
        zeroSibling[2] = 1;
        zeroSibling[3] = (byte) 0x80;
        assertBad(zeroSibling, "sibling 0 is marked non-zero but is zero");
        assertBad(Arrays.copyOf(good, good.length - 1), "call for " + good.length);
        assertBad(Arrays.copyOf(good, good.length + 1), "call for " + good.length);
        assertBad(Arrays.copyOf(empty, empty.length + 64), "call for " + empty.length);
        assertBad(new byte[Proof.MAX_ENCODED_LENGTH + 1], "too long");
        assertThatThrownBy(() -> Proof.fromHex("0x0g")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a hex digit");
        assertThatThrownBy(() -> Proof.fromHex("0x000")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd number");
        assertThatThrownBy(() -> Proof.fromHex("00".repeat(Proof.MAX_ENCODED_LENGTH + 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
        assertThatThrownBy(() -> Proof.fromBytes(null)).isInstanceOf(NullPointerException.class);
        // random garbage never crashes: it is rejected or refuted
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 20_000; i++) {
            byte[] junk = new byte[random.nextInt(200)];
            random.nextBytes(junk);
            if (junk.length > 0) {
                junk[0] = (byte) random.nextInt(2);
            }
            if (junk.length > 2) {
                junk[1] = 0;
                junk[2] = (byte) random.nextInt(8);
            }
            try {
                Proof p = Proof.fromBytes(junk);
                assertThat(StateTree.verify(root, keyOf(3), p.valueFor(keyOf(3)), p)).isFalse();
            } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageStartingWith("malformed state proof: ");
            }
        }
    }

    private static void assertBad(byte[] bytes, String message) {
        assertThatThrownBy(() -> Proof.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed state proof: ").hasMessageContaining(message);
    }

    @Test
    void accessorsDescribeTheProof() {
        Hash root = fill(10);
        Proof proof = tree.prove(store, keyOf(4));
        assertThat(proof.siblings()).hasSize(proof.depth());
        assertThat(proof.leafKey()).isEqualTo(keyOf(4));
        assertThat(proof.leafValue()).isEqualTo(value("v4"));
        assertThat(proof.toString()).contains("depth " + proof.depth());
        assertThat(proof.toHex()).startsWith("0x01");
        assertThat(StateTree.verify(root, keyOf(4), value("v4"), proof)).isTrue();
        assertThatThrownBy(() -> proof.sibling(proof.depth())).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
