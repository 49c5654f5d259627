/**
 * The node's transactional, ordered key-value store.
 * <p>
 * Every stateful module keeps its state here, never in component fields, so a module can be
 * replaced live and find its state again. Keys are ordered by unsigned lexicographic byte order
 * within a namespace; writes are grouped in atomic {@link io.zgnode.api.store.WriteBatch batches};
 * {@link io.zgnode.api.store.StoreSnapshot snapshots} give a consistent view while writes go on.
 */
@Version("1.0.0")
@Export
package io.zgnode.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
