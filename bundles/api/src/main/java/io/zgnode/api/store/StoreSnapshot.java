package io.zgnode.api.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A consistent, read-only view of the store as of one commit. Writes committed later are not
 * seen. Close it when done: an open snapshot keeps the values it needs.
 */
@ProviderType
public interface StoreSnapshot extends StoreReader, AutoCloseable {

    /** The commit sequence number this snapshot shows. */
    long sequence();

    @Override
    void close();
}
