package io.zgnode.net.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.zgnode.api.metrics.MetricWriter;

/**
 * The network's counters. Topic and protocol labels of what peers send are the ones this node
 * handles; anything else is counted as {@value #UNHANDLED}, so peers cannot grow the label set.
 */
public final class NetMetrics {

    public static final String UNHANDLED = "unhandled";

    /** Messages and bytes of one label and direction. */
    static final class Traffic {
        final LongAdder messagesIn = new LongAdder();
        final LongAdder bytesIn = new LongAdder();
        final LongAdder messagesOut = new LongAdder();
        final LongAdder bytesOut = new LongAdder();
    }

    final LongAdder wireBytesIn = new LongAdder();
    final LongAdder wireBytesOut = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder bans = new LongAdder();
    final LongAdder penalties = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder duplicateLinks = new LongAdder();
    private final Map<String, Traffic> gossip = new ConcurrentHashMap<>();
    private final Map<String, Traffic> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> handshakeFailures = new ConcurrentHashMap<>();

    void gossipIn(String topic, int bytes) {
        Traffic t = gossip.computeIfAbsent(topic, k -> new Traffic());
        t.messagesIn.increment();
        t.bytesIn.add(bytes);
    }

    void gossipOut(String topic, int bytes) {
        Traffic t = gossip.computeIfAbsent(topic, k -> new Traffic());
        t.messagesOut.increment();
        t.bytesOut.add(bytes);
    }

    void requestIn(String protocol, int bytes) {
        Traffic t = requests.computeIfAbsent(protocol, k -> new Traffic());
        t.messagesIn.increment();
        t.bytesIn.add(bytes);
    }

    void requestOut(String protocol, int bytes) {
        Traffic t = requests.computeIfAbsent(protocol, k -> new Traffic());
        t.messagesOut.increment();
        t.bytesOut.add(bytes);
    }

    void handshakeFailure(String reason) {
        handshakeFailures.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    public long handshakeFailures() {
        return handshakeFailures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long handshakeFailures(String reason) {
        LongAdder a = handshakeFailures.get(reason);
        return a == null ? 0 : a.sum();
    }

    public long wireBytesIn() {
        return wireBytesIn.sum();
    }

    public long wireBytesOut() {
        return wireBytesOut.sum();
    }

    public long duplicates() {
        return duplicates.sum();
    }

    public long duplicateLinks() {
        return duplicateLinks.sum();
    }

    public long dropped() {
        return dropped.sum();
    }

    void collect(MetricWriter out, int inbound, int outbound, int activeBans) {
        out.gauge("zgnode_net_peers", "Connected peers, by direction.", inbound, "direction", "inbound");
        out.gauge("zgnode_net_peers", "Connected peers, by direction.", outbound, "direction", "outbound");
        out.counter("zgnode_net_bytes_total", "Bytes on the wire (encrypted frames), by direction.", wireBytesIn.sum(), "direction", "in");
        out.counter("zgnode_net_bytes_total", "Bytes on the wire (encrypted frames), by direction.", wireBytesOut.sum(), "direction", "out");
        new TreeMap<>(gossip).forEach((topic, t) -> {
            out.counter("zgnode_net_gossip_messages_total", "Gossip messages, by topic and direction.", t.messagesIn.sum(),
                    "topic", topic, "direction", "in");
            out.counter("zgnode_net_gossip_messages_total", "Gossip messages, by topic and direction.", t.messagesOut.sum(),
                    "topic", topic, "direction", "out");
            out.counter("zgnode_net_gossip_bytes_total", "Gossip payload bytes, by topic and direction.", t.bytesIn.sum(),
                    "topic", topic, "direction", "in");
            out.counter("zgnode_net_gossip_bytes_total", "Gossip payload bytes, by topic and direction.", t.bytesOut.sum(),
                    "topic", topic, "direction", "out");
        });
        new TreeMap<>(requests).forEach((protocol, t) -> {
            out.counter("zgnode_net_requests_total", "Requests, by protocol and direction (in: served).", t.messagesIn.sum(),
                    "protocol", protocol, "direction", "in");
            out.counter("zgnode_net_requests_total", "Requests, by protocol and direction (in: served).", t.messagesOut.sum(),
                    "protocol", protocol, "direction", "out");
        });
        out.counter("zgnode_net_gossip_duplicates_total", "Gossip messages received again and dropped.", duplicates.sum());
        out.counter("zgnode_net_gossip_dropped_total", "Gossip messages dropped: not sent to a peer whose send queue was full,"
                + " or received while this node's queue for that topic and peer was full.", dropped.sum());
        out.counter("zgnode_net_duplicate_links_total", "Second links to a connected peer, closed.", duplicateLinks.sum());
        out.counter("zgnode_net_penalties_total", "Penalties given to peers.", penalties.sum());
        out.counter("zgnode_net_bans_total", "Bans of peers and addresses.", bans.sum());
        out.gauge("zgnode_net_bans", "Active bans (peers and addresses).", activeBans);
        out.counter("zgnode_net_connections_refused_total", "Inbound connections refused before the handshake (banned address, too many).",
                refused.sum());
        new TreeMap<>(handshakeFailures).forEach((reason, n) -> out.counter("zgnode_net_handshake_failures_total",
                "Connections that did not become links, by reason.", n.sum(), "reason", reason));
    }
}
