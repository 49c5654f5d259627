package io.zgnode.api.chain;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: told of every committed block, in order, after it is durable. Called on one
 * notifier thread; a listener that is slow delays the others, not the chain. A listener that
 * registers late is not told of earlier blocks: it reads them from {@link Chain}.
 */
@ConsumerType
public interface ChainListener {

    void blockCommitted(Block block, List<Receipt> receipts);
}
