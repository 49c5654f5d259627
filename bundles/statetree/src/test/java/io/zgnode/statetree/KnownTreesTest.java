package io.zgnode.statetree;

import static io.zgnode.statetree.Reference.ZERO;
import static io.zgnode.statetree.Reference.internal;
import static io.zgnode.statetree.Reference.key;
import static io.zgnode.statetree.Reference.leaf;
import static io.zgnode.statetree.Reference.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.store.WriteBatch;
import io.zgnode.crypto.Keccak256;
import io.zgnode.store.internal.MapDbStore;

/** Small trees whose roots are written out from the hashing rules, one Keccak call at a time. */
class KnownTreesTest {

    @TempDir
    Path dir;

    private MapDbStore store;
    private final StateTree tree = new StateTree();

    private final Hash a = key("00"); // bits 0...
    private final Hash b = key("80"); // bits 10..
    private final Hash c = key("c0"); // bits 11..
    private final Hash va = value("a");
    private final Hash vb = value("b");
    private final Hash vc = value("c");

    @BeforeEach
    void open() {
        store = TestStores.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Hash apply(Object... keysAndValues) {
        SortedMap<Hash, Hash> changes = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            changes.put((Hash) keysAndValues[i], (Hash) keysAndValues[i + 1]);
        }
        try (WriteBatch batch = store.newBatch()) {
            Hash root = tree.update(batch, changes);
            batch.commit();
            assertThat(tree.root(store)).isEqualTo(root);
            return root;
        }
    }

    private static byte[] bytes(Hash h) {
        return h.toArray();
    }

    @Test
    void emptyTreeHasZeroRoot() {
        assertThat(tree.root(store)).isEqualTo(Hash.ZERO);
        assertThat(apply()).isEqualTo(Hash.ZERO);
        assertThat(apply(a, null)).isEqualTo(Hash.ZERO); // deleting an absent key
        assertThat(store.scan(tree.namespace(), null, null, false).hasNext()).isFalse();
    }

    @Test
    void oneKeyIsItsLeaf() {
        byte[] expected = Keccak256.hash(Reference.concat(new byte[] {0}, bytes(a), bytes(va)));
        assertThat(bytes(apply(a, va))).isEqualTo(expected);
        assertThat(tree.get(store, a)).isEqualTo(va);
        assertThat(tree.get(store, b)).isNull();
    }

    @Test
    void twoKeysSplittingAtTheFirstBit() {
        byte[] expected = internal(leaf(bytes(a), bytes(va)), leaf(bytes(b), bytes(vb)));
        assertThat(bytes(apply(b, vb, a, va))).isEqualTo(expected);
    }

    @Test
    void threeKeys() {
        // a alone on the left; b (10..) and c (11..) below the right child
        byte[] expected = internal(leaf(bytes(a), bytes(va)),
                internal(leaf(bytes(b), bytes(vb)), leaf(bytes(c), bytes(vc))));
        assertThat(bytes(apply(a, va, b, vb, c, vc))).isEqualTo(expected);
        // and back: deleting c leaves the two-key tree, deleting the rest leaves nothing
        assertThat(bytes(apply(c, null))).isEqualTo(internal(leaf(bytes(a), bytes(va)), leaf(bytes(b), bytes(vb))));
        assertThat(apply(a, null, b, null)).isEqualTo(Hash.ZERO);
        assertThat(store.scan(tree.namespace(), null, null, false).hasNext()).isFalse();
    }

    @Test
    void twoKeysSharingTenBits() {
        Hash x = key("0000");
        Hash y = key("0020"); // bit 10 set
        byte[] h = internal(leaf(bytes(x), bytes(va)), leaf(bytes(y), bytes(vb)));
        for (int i = 0; i < 10; i++) {
            h = internal(h, ZERO); // both keys go left at bits 0..9
        }
        assertThat(bytes(apply(x, va, y, vb))).isEqualTo(h);
    }

    @Test
    void twoKeysDifferingOnlyInTheLastBit() {
        Hash x = key("ff".repeat(31) + "fe");
        Hash y = key("ff".repeat(32));
        byte[] h = internal(leaf(bytes(x), bytes(va)), leaf(bytes(y), bytes(vb)));
        for (int i = 0; i < 255; i++) {
            h = internal(ZERO, h); // both keys go right at bits 0..254
        }
        assertThat(bytes(apply(x, va, y, vb))).isEqualTo(h);
        Proof proof = tree.prove(store, x);
        assertThat(proof.depth()).isEqualTo(256);
        assertThat(proof.toBytes()).hasSize(3 + 32 + 32 + 64); // only the last sibling is not zero
        assertThat(StateTree.verify(Hash.of(h), x, va, proof)).isTrue();
        // a third key in between: shares 200 bits with both, then goes left
        Hash z = key("ff".repeat(25) + "00");
        byte[] upper = h;
        byte[] pair = internal(leaf(bytes(x), bytes(va)), leaf(bytes(y), bytes(vb)));
        for (int i = 254; i >= 201; i--) {
            pair = internal(ZERO, pair); // prefixes of 254 down to 201 bits: both go right
        }
        byte[] g = internal(leaf(bytes(z), bytes(vc)), pair); // the split at bit 200
        for (int i = 0; i < 200; i++) {
            g = internal(ZERO, g);
        }
        assertThat(bytes(apply(z, vc))).isEqualTo(g);
        assertThat(bytes(apply(z, null))).isEqualTo(upper);
    }

    @Test
    void threeKeysWithLongSharedPrefixes() {
        // x and y share 100 bits; z shares the first 50 bits with them
        Hash x = key("00".repeat(12) + "0000");     // bits 96.. all 0
        Hash y = key("00".repeat(12) + "0800");     // bit 100 set
        Hash z = key("00".repeat(6) + "20");        // bit 50 set (byte 6 = bits 48..55, 0x20 = bit 50)
        byte[] xy = internal(leaf(bytes(x), bytes(va)), leaf(bytes(y), bytes(vb)));
        for (int i = 99; i > 50; i--) {
            xy = internal(xy, ZERO);
        }
        byte[] h = internal(xy, leaf(bytes(z), bytes(vc)));
        for (int i = 0; i < 50; i++) {
            h = internal(h, ZERO);
        }
        assertThat(bytes(apply(z, vc, y, vb, x, va))).isEqualTo(h);
        assertThat(tree.get(store, x)).isEqualTo(va);
        assertThat(tree.get(store, y)).isEqualTo(vb);
        assertThat(tree.get(store, z)).isEqualTo(vc);
        assertThat(tree.get(store, key("00".repeat(12) + "0400"))).isNull();
    }

    @Test
    void keyHashIsKeccakOfTheKey() {
        assertThat(StateTree.keyHash(new byte[0]))
                .isEqualTo(Hash.of("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"));
    }
}
