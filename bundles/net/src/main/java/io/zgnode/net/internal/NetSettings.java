package io.zgnode.net.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * The checked settings of the network (from the configuration {@code io.zgnode.net}).
 *
 * @param idleTimeoutMillis a link from which nothing arrives for this long is closed
 * @param maxQueuedBytesPerPeer gossip to a peer whose unsent frames exceed this is dropped
 * @param maxRequestsPerPeer requests of one peer served at once; more are answered "busy"
 */
public record NetSettings(String host, int port, List<HostPort> bootnodes, String advertisedHost, Path keyFile,
        int maxPeers, int maxMessageBytes, long handshakeTimeoutMillis, long pingIntervalMillis, long idleTimeoutMillis,
        long banSeconds, int penaltyThreshold, long dialBackoffMinMillis, long dialBackoffMaxMillis, boolean discovery,
        long peerExchangeIntervalMillis, int ioThreads, int workerThreads, int seenCacheSize, long seenCacheSeconds,
        long maxQueuedBytesPerPeer, int maxRequestsPerPeer) {

    /** Smallest and largest message size allowed. */
    public static final int MIN_MESSAGE_BYTES = 1024;
    public static final int MAX_MESSAGE_BYTES = 1 << 30;

    public NetSettings {
        bootnodes = List.copyOf(bootnodes);
        check(host != null && !host.isBlank(), "host is empty");
        check(port >= 0 && port <= 65535, "port " + port + " is not in 0..65535");
        check(keyFile != null, "no key file");
        check(maxPeers >= 1, "maxPeers must be at least 1, not " + maxPeers);
        check(maxMessageBytes >= MIN_MESSAGE_BYTES && maxMessageBytes <= MAX_MESSAGE_BYTES,
                "maxMessageBytes must be " + MIN_MESSAGE_BYTES + " to " + MAX_MESSAGE_BYTES + ", not " + maxMessageBytes);
        check(handshakeTimeoutMillis >= 10, "handshakeTimeoutMillis must be at least 10, not " + handshakeTimeoutMillis);
        check(pingIntervalMillis >= 10, "pingIntervalMillis must be at least 10, not " + pingIntervalMillis);
        check(idleTimeoutMillis > pingIntervalMillis, "idleTimeoutMillis (" + idleTimeoutMillis
                + ") must be longer than pingIntervalMillis (" + pingIntervalMillis + ")");
        check(banSeconds >= 1, "banSeconds must be at least 1, not " + banSeconds);
        check(penaltyThreshold >= 1, "penaltyThreshold must be at least 1, not " + penaltyThreshold);
        check(dialBackoffMinMillis >= 10, "dialBackoffMinMillis must be at least 10, not " + dialBackoffMinMillis);
        check(dialBackoffMaxMillis >= dialBackoffMinMillis, "dialBackoffMaxMillis (" + dialBackoffMaxMillis
                + ") must not be below dialBackoffMinMillis (" + dialBackoffMinMillis + ")");
        check(peerExchangeIntervalMillis >= 100, "peerExchangeIntervalMillis must be at least 100, not " + peerExchangeIntervalMillis);
        check(ioThreads >= 1 && ioThreads <= 64, "ioThreads must be 1 to 64, not " + ioThreads);
        check(workerThreads >= 1 && workerThreads <= 256, "workerThreads must be 1 to 256, not " + workerThreads);
        check(seenCacheSize >= 16, "seenCacheSize must be at least 16, not " + seenCacheSize);
        check(seenCacheSeconds >= 1, "seenCacheSeconds must be at least 1, not " + seenCacheSeconds);
        check(maxQueuedBytesPerPeer >= maxMessageBytes, "maxQueuedBytesPerPeer (" + maxQueuedBytesPerPeer
                + ") must be at least maxMessageBytes (" + maxMessageBytes + ")");
        check(maxRequestsPerPeer >= 1, "maxRequestsPerPeer must be at least 1, not " + maxRequestsPerPeer);
    }

    /** The largest encrypted frame body accepted after the handshake. */
    public int maxFrameBytes() {
        return maxMessageBytes + io.zgnode.net.wire.Frames.OVERHEAD;
    }

    /** What this node tells peers its host is. */
    public String announcedHost() {
        return advertisedHost == null || advertisedHost.isBlank() ? host : advertisedHost.trim();
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("invalid net configuration: " + message);
        }
    }
}
