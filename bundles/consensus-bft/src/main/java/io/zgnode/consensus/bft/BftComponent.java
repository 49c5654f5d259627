package io.zgnode.consensus.bft;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import io.zgnode.api.chain.BlockExecutor;
import io.zgnode.api.chain.Chain;
import io.zgnode.api.chain.TransactionPool;
import io.zgnode.api.consensus.ConsensusEngine;
import io.zgnode.api.consensus.ConsensusStatus;
import io.zgnode.api.metrics.MetricSource;
import io.zgnode.api.metrics.MetricWriter;
import io.zgnode.api.net.MessageHandler;
import io.zgnode.api.net.PeerNetwork;
import io.zgnode.api.net.RequestHandler;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.consensus.bft.core.ValidatorKey;

/**
 * The BFT engine as a component. The ledger (executor and chain) and the store are static
 * references: replacing one restarts the engine, which finds its state again in the store (the
 * head, its write-ahead log, the evidence). The network and the pool are dynamic and greedy: a
 * new one is used from the next message on, and the engine runs without them (a single
 * validator needs no network; without a pool every transaction's sender is recovered).
 * <p>
 * It registers a {@link MessageHandler} for the topic {@value BftEngine#TOPIC} and a
 * {@link RequestHandler} for block sync ({@value BftEngine#SYNC_PROTOCOL}).
 */
@Component(configurationPid = BftConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {ConsensusEngine.class, MetricSource.class})
@Designate(ocd = BftConfig.class)
public class BftComponent implements ConsensusEngine, MetricSource {

    private static final Logger LOG = Logger.getLogger(BftComponent.class.getName());

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile PeerNetwork network;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile TransactionPool pool;

    private final BftEngine engine;
    private final String problem;
    private final Chain chain;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public BftComponent(BundleContext context, BftConfig config, @Reference BlockExecutor executor, @Reference Chain chain,
            @Reference KeyValueStore store) {
        this.chain = chain;
        BftEngine created = null;
        String failed = null;
        try {
            Settings settings = Settings.of(config);
            ValidatorKey key = config.validatorKeyFile().isBlank() ? null : ValidatorKeyFile.read(Path.of(config.validatorKeyFile().trim()));
            ValidatorSetSource sets = GenesisValidators.of(chain);
            created = new BftEngine(settings, executor, chain, () -> pool, () -> network, store, key, sets, System::currentTimeMillis);
        } catch (IOException | IllegalArgumentException e) {
            failed = e.getMessage();
            LOG.severe("bft consensus: not started: " + failed);
        }
        this.engine = created;
        this.problem = failed;
        if (engine != null) {
            Hashtable<String, Object> topic = new Hashtable<>();
            topic.put(MessageHandler.TOPIC, BftEngine.TOPIC);
            registrations.add(context.registerService(MessageHandler.class, engine.messageHandler(), topic));
            Hashtable<String, Object> protocol = new Hashtable<>();
            protocol.put(RequestHandler.PROTOCOL, BftEngine.SYNC_PROTOCOL);
            registrations.add(context.registerService(RequestHandler.class, engine.blockServer(), protocol));
            engine.start();
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        if (engine != null) {
            engine.stop();
        }
    }

    @Override
    public String name() {
        return BftEngine.ENGINE;
    }

    @Override
    public ConsensusStatus status() {
        if (engine == null) {
            return new ConsensusStatus(BftEngine.ENGINE, chain.head().number() + 1, 0, "not started: " + problem, chain.head().hash(), List.of(),
                    null);
        }
        return engine.status();
    }

    @Override
    public void collect(MetricWriter out) {
        if (engine != null) {
            engine.collect(out);
        }
    }
}
