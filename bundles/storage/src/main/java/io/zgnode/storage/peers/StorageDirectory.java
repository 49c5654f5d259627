package io.zgnode.storage.peers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.net.PeerId;
import io.zgnode.api.net.PeerInfo;
import io.zgnode.api.net.PeerNetwork;
import io.zgnode.storage.peers.StorageProtocol.NodeCard;

/**
 * The storage nodes among this node's peers: who they are (RPC URL, shard), how fast they
 * answer, since when they are known. Asked again every {@link #REFRESH}; a peer that does not
 * serve the storage protocol is not a storage node and is asked again only after a while.
 */
@Component(service = StorageDirectory.class)
public class StorageDirectory {

    /** A storage peer as last seen. */
    public record KnownNode(PeerId peer, NodeCard card, long latencyMillis, Instant since) {
    }

    static final Duration REFRESH = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Logger LOG = Logger.getLogger(StorageDirectory.class.getName());

    private final PeerNetwork network;
    private final Map<PeerId, KnownNode> nodes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "zgnode-storage-directory");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public StorageDirectory(@Reference PeerNetwork network) {
        this.network = network;
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        refresher.shutdownNow();
    }

    /** The storage peers known now, the fastest first. */
    public List<KnownNode> nodes() {
        List<KnownNode> known = new ArrayList<>(nodes.values());
        known.sort(Comparator.comparingLong(KnownNode::latencyMillis).thenComparing(node -> node.peer().toString()));
        return known;
    }

    /** The storage peers whose shard keeps flow segment {@code flowSegment}. */
    public List<KnownNode> holding(long flowSegment) {
        return nodes().stream().filter(node -> node.card().shard().holds(flowSegment)).toList();
    }

    void refresh() {
        try {
            Set<PeerId> connected = network.peers().stream().map(PeerInfo::id).collect(Collectors.toSet());
            nodes.keySet().retainAll(connected);
            for (PeerId peer : connected) {
                ask(peer);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "storage directory refresh failed", e);
        }
    }

    private void ask(PeerId peer) {
        long started = System.nanoTime();
        try {
            byte[] answer = network.request(peer, StorageProtocol.INFO, new byte[0], TIMEOUT).get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
            NodeCard card = StorageProtocol.decodeCard(answer);
            long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            nodes.compute(peer, (id, old) -> new KnownNode(id, card, latency, old != null && old.card().equals(card) ? old.since() : Instant.now()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // not a storage node, or not answering now: forget it until it answers
            nodes.remove(peer);
        }
    }
}
