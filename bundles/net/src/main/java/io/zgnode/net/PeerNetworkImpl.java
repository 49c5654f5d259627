package io.zgnode.net;

import java.io.File;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.Chain;
import io.zgnode.api.metrics.MetricSource;
import io.zgnode.api.metrics.MetricWriter;
import io.zgnode.api.net.MessageHandler;
import io.zgnode.api.net.PeerId;
import io.zgnode.api.net.PeerInfo;
import io.zgnode.api.net.PeerNetwork;
import io.zgnode.api.net.RequestHandler;
import io.zgnode.crypto.Ed25519;
import io.zgnode.net.internal.Handlers;
import io.zgnode.net.internal.HostPort;
import io.zgnode.net.internal.ListenException;
import io.zgnode.net.internal.NetSettings;
import io.zgnode.net.internal.Network;
import io.zgnode.net.internal.NodeKey;

/**
 * The peer network as a DS component: settings from ConfigAdmin, the network id from the chain
 * (chain id and block 0's hash), message and request handlers from the whiteboard. The
 * PeerNetwork (and MetricSource) service is registered by hand once the port is bound, so it
 * exists only while the node really listens; a configuration change reactivates the component.
 * Bans and penalties live in memory: a restart forgets them.
 * <p>The component starts only once it is configured (the core feature always configures it),
 * as {@code io.zgnode.rpc} does.
 */
// the service is registered by hand, so DS cannot announce it: tell the resolver here
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.zgnode.api.net.PeerNetwork\"",
        uses = PeerNetwork.class)
@Component(name = NetConfig.PID, configurationPid = NetConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = NetConfig.class)
public final class PeerNetworkImpl implements PeerNetwork, MetricSource {

    private static final System.Logger LOG = System.getLogger("io.zgnode.net");
    static final String DATA_PROPERTY = "zgnode.data";
    static final String KEY_FILE = "node-key.json";

    /** Outlives nothing: handlers are bound before activation and unbound after deactivation. */
    private final Handlers handlers = new Handlers();

    @Reference
    private Chain chain;

    private volatile Network network;
    private ServiceRegistration<?> registration;

    public PeerNetworkImpl() {
    }

    PeerNetworkImpl(Chain chain) {
        this.chain = chain;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeMessageHandler", updated = "updatedMessageHandler")
    void addMessageHandler(MessageHandler handler, Map<String, Object> properties) {
        handlers.addMessageHandler(handler, properties);
    }

    void updatedMessageHandler(MessageHandler handler, Map<String, Object> properties) {
        handlers.removeMessageHandler(handler);
        handlers.addMessageHandler(handler, properties);
    }

    void removeMessageHandler(MessageHandler handler) {
        handlers.removeMessageHandler(handler);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeRequestHandler", updated = "updatedRequestHandler")
    void addRequestHandler(RequestHandler handler, Map<String, Object> properties) {
        handlers.addRequestHandler(handler, properties);
    }

    void updatedRequestHandler(RequestHandler handler, Map<String, Object> properties) {
        handlers.removeRequestHandler(handler);
        handlers.addRequestHandler(handler, properties);
    }

    void removeRequestHandler(RequestHandler handler) {
        handlers.removeRequestHandler(handler);
    }

    @Activate
    void activate(NetConfig config, BundleContext context) throws Exception {
        NetSettings settings;
        Ed25519.KeyPair key;
        long chainId;
        byte[] genesis;
        try {
            settings = settings(config, context);
            key = NodeKey.loadOrCreate(settings.keyFile(), new SecureRandom());
            chainId = chain.chainId();
            genesis = chain.block(0).map(Block::hash)
                    .orElseThrow(() -> new IllegalStateException("the chain has no block 0: no network to join"))
                    .toArray();
            network = Network.start(settings, key, chainId, genesis, handlers);
        } catch (ListenException | IllegalArgumentException | IllegalStateException | NodeKey.KeyFileException e) {
            // one line an operator can act on; SCR reports the failed activation as well
            LOG.log(Level.ERROR, e.getMessage());
            throw e;
        }
        try {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("listen", network.announced().toString());
            props.put("peerId", network.self().toString());
            registration = context.registerService(
                    new String[] {PeerNetwork.class.getName(), MetricSource.class.getName(), PeerNetworkImpl.class.getName()},
                    this, props);
        } catch (RuntimeException e) {
            network.close();
            network = null;
            throw e;
        }
        LOG.log(Level.INFO, "peer network listening on " + network.bound() + " as " + network.self() + " (chain " + chainId
                + (settings.bootnodes().isEmpty() ? "" : ", boot nodes " + settings.bootnodes().stream()
                        .map(HostPort::toString).collect(Collectors.joining(", "))) + ")");
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
            registration = null;
        }
        Network n = network;
        if (n != null) {
            n.close();
            network = null;
            LOG.log(Level.INFO, "peer network on " + n.bound() + " stopped");
        }
    }

    /** Settings from configuration; the key file defaults to {@code <zgnode.data>/node-key.json}. */
    static NetSettings settings(NetConfig config, BundleContext context) {
        List<HostPort> bootnodes = new ArrayList<>();
        for (String entry : config.bootnodes() == null ? new String[0] : config.bootnodes()) {
            for (String part : entry.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    try {
                        bootnodes.add(HostPort.parse(part));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("invalid net configuration: boot node " + e.getMessage());
                    }
                }
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int io = config.ioThreads() > 0 ? config.ioThreads() : Math.max(1, Math.min(4, cores));
        int workers = config.workerThreads() > 0 ? config.workerThreads() : Math.max(4, 2 * cores);
        long idle = config.idleTimeoutMillis() > 0 ? config.idleTimeoutMillis() : 3 * config.pingIntervalMillis();
        return new NetSettings(config.host() == null ? "" : config.host().trim(), config.port(), bootnodes,
                config.advertisedHost(), keyFile(config.keyFile(), context), config.maxPeers(), config.maxMessageBytes(),
                config.handshakeTimeoutMillis(), config.pingIntervalMillis(), idle, config.banSeconds(),
                config.penaltyThreshold(), config.dialBackoffMinMillis(), config.dialBackoffMaxMillis(), config.discovery(),
                config.peerExchangeIntervalMillis(), io, workers, config.seenCacheSize(), config.seenCacheSeconds(),
                Math.max(config.maxQueuedBytesPerPeer(), config.maxMessageBytes()), config.maxRequestsPerPeer());
    }

    private static Path keyFile(String configured, BundleContext context) {
        String data = context.getProperty(DATA_PROPERTY);
        Path dataDir = data == null || data.isBlank() ? null : Path.of(data.trim());
        String file = configured == null ? "" : configured.trim();
        if (!file.isEmpty()) {
            Path path = Path.of(file);
            return (path.isAbsolute() || dataDir == null ? path : dataDir.resolve(path)).toAbsolutePath().normalize();
        }
        if (dataDir != null) {
            return dataDir.resolve(KEY_FILE).toAbsolutePath().normalize();
        }
        File area = context.getDataFile(KEY_FILE);
        if (area == null) {
            throw new IllegalArgumentException("invalid net configuration: no key file: set keyFile or the framework "
                    + "property " + DATA_PROPERTY);
        }
        return area.toPath();
    }

    /** The running network (for the shell commands). */
    Network network() {
        Network n = network;
        if (n == null) {
            throw new IllegalStateException("the peer network is not running");
        }
        return n;
    }

    @Override
    public PeerId self() {
        return network().self();
    }

    @Override
    public List<PeerInfo> peers() {
        return network().peers();
    }

    @Override
    public int maxMessageBytes() {
        return network().maxMessageBytes();
    }

    @Override
    public void broadcast(String topic, byte[] message) {
        network().broadcast(topic, message);
    }

    @Override
    public void send(PeerId peer, String topic, byte[] message) {
        network().send(peer, topic, message);
    }

    @Override
    public CompletableFuture<byte[]> request(PeerId peer, String protocol, byte[] request, Duration timeout) {
        Network n = network;
        if (n == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the peer network is not running"));
        }
        return n.request(peer, protocol, request, timeout);
    }

    @Override
    public void ban(PeerId peer, Duration duration, String reason) {
        network().ban(peer, duration, reason);
    }

    @Override
    public void collect(MetricWriter out) {
        Network n = network;
        if (n != null) {
            n.collect(out);
        }
    }

    @Override
    public String toString() {
        Network n = network;
        return "PeerNetworkImpl[" + (n == null ? "stopped" : n.self().shortForm() + " on " + n.bound()) + "]";
    }
}
