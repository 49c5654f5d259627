package io.zgnode.api.chain;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A block executed on top of the head but not committed: its state changes are held until
 * {@link BlockExecutor#commit} or {@link BlockExecutor#discard}.
 */
@ProviderType
public interface ExecutedBlock {

    Block block();

    List<Receipt> receipts();
}
