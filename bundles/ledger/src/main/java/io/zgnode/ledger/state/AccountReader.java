package io.zgnode.ledger.state;

import io.zgnode.api.chain.Account;
import io.zgnode.api.chain.Address;
import io.zgnode.api.store.StoreReader;

/** Committed accounts, for the pool and the RPC methods (blocks use {@link WorldState}). */
public final class AccountReader {

    private final StoreReader reader;

    public AccountReader(StoreReader reader) {
        this.reader = reader;
    }

    public Account account(Address address) {
        return AccountCodec.decode(reader.get(StateKeys.ACCOUNTS, StateKeys.accountKey(address)));
    }
}
