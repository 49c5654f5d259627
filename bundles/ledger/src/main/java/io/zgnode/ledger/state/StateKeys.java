package io.zgnode.ledger.state;

import io.zgnode.api.chain.Address;
import io.zgnode.api.store.Keys;
import io.zgnode.crypto.Keccak256;

/**
 * Where state lives in the store, and the keys the state tree commits to: accounts under
 * Keccak-256(0x01 || address), contract storage under Keccak-256(0x02 || contract || key), so the
 * two can never collide and the tree's paths are uniformly spread.
 */
public final class StateKeys {

    public static final String ACCOUNTS = "state.account";
    public static final String STORAGE = "state.storage";
    public static final String TREE = "state.tree";

    private static final byte[] ACCOUNT_TAG = {0x01};
    private static final byte[] STORAGE_TAG = {0x02};

    private StateKeys() {
    }

    static byte[] accountKey(Address address) {
        return address.toArray();
    }

    static byte[] storageKey(Address contract, byte[] key) {
        return Keys.concat(contract.toArray(), key);
    }

    /** The tree key of an account. */
    public static byte[] accountTreeKey(Address address) {
        return Keccak256.hash(Keys.concat(ACCOUNT_TAG, address.toArray()));
    }

    /** The tree key of a stored entry ({@code contract || key} as in the store). */
    static byte[] treeKey(String namespace, byte[] storeKey) {
        return Keccak256.hash(Keys.concat(ACCOUNTS.equals(namespace) ? ACCOUNT_TAG : STORAGE_TAG, storeKey));
    }

    /** The tree's value for a stored value: its hash. */
    public static byte[] treeValue(byte[] value) {
        return Keccak256.hash(value);
    }
}
