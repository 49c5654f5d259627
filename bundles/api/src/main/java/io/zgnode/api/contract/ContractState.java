package io.zgnode.api.contract;

import java.util.Iterator;

import org.osgi.annotation.versioning.ProviderType;

import io.zgnode.api.store.KeyValue;

/**
 * A contract's own storage: ordered keys and values, part of the authenticated chain state.
 * Changes belong to the current call: they are kept if it succeeds and dropped if it reverts.
 * Reads and writes are metered ({@link Gas}).
 */
@ProviderType
public interface ContractState {

    /** The value under {@code key}, or {@code null}. */
    byte[] get(byte[] key);

    void put(byte[] key, byte[] value);

    void delete(byte[] key);

    /** Entries with {@code from <= key < to} in ascending key order; {@code null} bounds are open. */
    Iterator<KeyValue> scan(byte[] from, byte[] to);
}
