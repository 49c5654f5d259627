/**
 * The chain side of 0G storage's log layer, for the modules that serve files: the flow of
 * committed entries ({@link io.zgnode.api.storage.FlowLog}) as the Flow contract records them,
 * and a whiteboard ({@link io.zgnode.api.storage.FlowListener}) told of new entries as blocks
 * commit.
 * <p>
 * The flow is an append-only sequence of 256-byte sectors. Each {@code Flow.submit} is one
 * {@link io.zgnode.api.storage.FlowEntry}: a file, numbered by {@code txSeq} from 0, placed at a
 * sector position of the flow. Entries live in the chain's state, so every node sees the same
 * ones at the same block.
 */
@Version("1.0.0")
@Export
package io.zgnode.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
