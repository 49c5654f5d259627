package io.zgnode.consensus.solo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.BlockExecutor;
import io.zgnode.api.chain.BlockHeader;
import io.zgnode.api.chain.Chain;
import io.zgnode.api.chain.ExecutedBlock;
import io.zgnode.api.consensus.ConsensusEngine;
import io.zgnode.api.consensus.ConsensusStatus;
import io.zgnode.api.consensus.Validator;

/**
 * A single validator: every interval it builds a block from the pool and commits it at once (a
 * block is final when it is committed). It keeps no state of its own: the chain's head is where
 * it continues, so replacing or restarting it loses no block and repeats none.
 */
@Component(configurationPid = SoloConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true, service = ConsensusEngine.class)
@Designate(ocd = SoloConfig.class)
public class SoloEngine implements ConsensusEngine {

    private static final Logger LOG = Logger.getLogger(SoloEngine.class.getName());

    private final BlockExecutor executor;
    private final Chain chain;
    private final Address proposer;
    private final boolean skipEmptyBlocks;
    private final long stopHeight;
    private final ScheduledExecutorService scheduler;

    @Activate
    public SoloEngine(SoloConfig config, @Reference BlockExecutor executor, @Reference Chain chain) {
        this.executor = executor;
        this.chain = chain;
        this.proposer = proposer(config, chain);
        this.skipEmptyBlocks = config.skipEmptyBlocks();
        this.stopHeight = config.stopHeight();
        long interval = Math.max(10, config.intervalMillis());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "zgnode-solo-consensus"));
        scheduler.scheduleWithFixedDelay(this::produce, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("solo consensus: a block every " + interval + " ms, proposer " + proposer + (skipEmptyBlocks ? ", empty blocks skipped" : "")
                + (stopHeight > 0 ? ", up to height " + stopHeight : ""));
    }

    /** One block; a failure is logged and the next interval tries again. */
    void produce() {
        if (stopHeight > 0 && chain.head().number() >= stopHeight) {
            return; // handed over: another engine decides the heights above
        }
        try {
            long timestamp = BlockClock.timestamp(chain.head().timestamp(), System.currentTimeMillis());
            ExecutedBlock block = executor.propose(proposer, timestamp);
            if (skipEmptyBlocks && block.block().transactions().isEmpty()) {
                executor.discard(block);
                return;
            }
            executor.commit(block, new byte[0]);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "solo consensus: block not produced: " + e, e);
        }
    }

    @Override
    public String name() {
        return "solo";
    }

    @Override
    public ConsensusStatus status() {
        BlockHeader head = chain.head();
        Validator self = new Validator(proposer, new byte[32], 1);
        boolean active = stopHeight == 0 || head.number() < stopHeight;
        return new ConsensusStatus(name(), head.number() + 1, 0, active ? "produce" : "handed over at " + stopHeight, head.hash(), List.of(self), self);
    }

    @Deactivate
    void stop() throws InterruptedException {
        scheduler.shutdown();
        if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warning("solo consensus: a block was still being produced after 30 s");
        }
    }

    private static Address proposer(SoloConfig config, Chain chain) {
        if (!config.proposer().isBlank()) {
            return Address.of(config.proposer().trim());
        }
        Object validators = chain.genesis().get("validators");
        if (validators instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first
                && first.get("address") instanceof String address) {
            return Address.of(address);
        }
        return Address.ZERO;
    }
}
