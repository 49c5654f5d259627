package io.zgnode.ledger.state;

import io.zgnode.api.chain.Account;
import io.zgnode.api.chain.Address;
import io.zgnode.api.store.StoreReader;

/** Committed accounts and contract storage, for the pool, RPC and other modules (blocks use {@link WorldState}). */
public final class AccountReader {

    private final StoreReader reader;

    public AccountReader(StoreReader reader) {
        this.reader = reader;
    }

    public Account account(Address address) {
        return AccountCodec.decode(reader.get(StateKeys.ACCOUNTS, StateKeys.accountKey(address)));
    }

    /** A contract's stored value, or {@code null}. */
    public byte[] storage(Address contract, byte[] key) {
        return reader.get(StateKeys.STORAGE, StateKeys.storageKey(contract, key));
    }
}
