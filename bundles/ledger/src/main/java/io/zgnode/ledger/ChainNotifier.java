package io.zgnode.ledger;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.ChainListener;
import io.zgnode.api.chain.Receipt;

/**
 * Tells {@link ChainListener}s of committed blocks on one thread of its own, in commit order, so
 * that a slow listener delays the other listeners but never the chain. A listener that throws
 * is logged and the others are still told.
 */
final class ChainNotifier implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChainNotifier.class.getName());

    private final List<ChainListener> listeners;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "zgnode-chain-listeners"));

    ChainNotifier(List<ChainListener> listeners) {
        this.listeners = listeners;
    }

    void notify(Block block, List<Receipt> receipts) {
        thread.execute(() -> {
            for (ChainListener listener : listeners) {
                try {
                    listener.blockCommitted(block, receipts);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "chain listener " + listener.getClass().getName() + " failed on block " + block.number(), e);
                }
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
            thread.shutdownNow();
        }
    }
}
