package io.zgnode.api.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A group of writes that becomes visible and durable all at once on {@link #commit()}, or not
 * at all. Reads through a batch see its own pending writes on top of the state the batch was
 * opened on. A batch is used by one thread at a time.
 */
@ProviderType
public interface WriteBatch extends StoreReader, AutoCloseable {

    WriteBatch put(String namespace, byte[] key, byte[] value);

    WriteBatch delete(String namespace, byte[] key);

    /** Number of pending writes. */
    int size();

    /**
     * Applies every pending write atomically and durably: when this returns, a crash of the
     * process loses none of them. A batch commits once.
     *
     * @throws StoreException if the store could not write; then nothing was applied
     */
    void commit();

    /** Discards the pending writes if the batch was not committed. */
    @Override
    void close();
}
