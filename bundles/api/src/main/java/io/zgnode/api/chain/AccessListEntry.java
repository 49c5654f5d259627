package io.zgnode.api.chain;

import java.util.List;

/** One entry of an EIP-2930 access list. */
public record AccessListEntry(Address address, List<Hash> storageKeys) {

    public AccessListEntry {
        storageKeys = List.copyOf(storageKeys);
    }
}
