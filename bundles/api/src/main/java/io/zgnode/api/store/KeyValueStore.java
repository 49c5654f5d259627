package io.zgnode.api.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's store: one per data directory. Reads through this interface see the latest
 * committed state.
 */
@ProviderType
public interface KeyValueStore extends StoreReader {

    /** A new, empty batch on top of the latest committed state. */
    WriteBatch newBatch();

    /** A snapshot of the latest committed state. */
    StoreSnapshot snapshot();

    /** Number of commits so far; grows by one with every non-empty batch committed. */
    long sequence();
}
