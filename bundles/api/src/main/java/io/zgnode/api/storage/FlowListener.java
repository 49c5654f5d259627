package io.zgnode.api.storage;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: told of the entries of every committed block that holds some, after the block is
 * durable, blocks in order. Called on the chain's notifier thread: a slow listener delays the
 * others. A listener that registers late, or misses blocks while the node was down, catches up
 * from {@link FlowLog#entries(long, int)}.
 */
@ConsumerType
public interface FlowListener {

    /** The entries one block added, in txSeq order (never empty). */
    void entriesCommitted(List<FlowEntry> entries);
}
