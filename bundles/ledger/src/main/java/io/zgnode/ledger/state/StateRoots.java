package io.zgnode.ledger.state;

import java.util.SortedMap;
import java.util.TreeMap;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.store.StoreReader;
import io.zgnode.api.store.WriteBatch;
import io.zgnode.statetree.Proof;
import io.zgnode.statetree.StateTree;

/**
 * The authenticated state root: every stored account and contract entry is a leaf of the state
 * tree (key {@link StateKeys#treeKey}, value the Keccak-256 of the stored bytes), updated at the
 * end of each block for the keys the block wrote.
 */
public final class StateRoots {

    private final StateTree tree = new StateTree(StateKeys.TREE);

    /** Updates the tree in {@code batch} for what {@code state} wrote; returns the new root. */
    public Hash update(WriteBatch batch, WorldState state) {
        SortedMap<Hash, Hash> changes = new TreeMap<>();
        for (WorldState.Touched key : state.touched()) {
            byte[] value = state.current(key);
            changes.put(Hash.of(StateKeys.treeKey(key.namespace(), key.key())), value == null ? null : Hash.of(StateKeys.treeValue(value)));
        }
        return tree.update(batch, changes);
    }

    public Hash root(StoreReader reader) {
        return tree.root(reader);
    }

    /** A proof for an account against the root {@code reader} shows. */
    public Proof proveAccount(StoreReader reader, io.zgnode.api.chain.Address address) {
        return tree.prove(reader, Hash.of(StateKeys.accountTreeKey(address)));
    }
}
