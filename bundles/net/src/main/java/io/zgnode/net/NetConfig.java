package io.zgnode.net;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the peer network, PID {@code io.zgnode.net}. */
@ObjectClassDefinition(id = NetConfig.PID, name = "zgnode peer network",
        description = "Authenticated, encrypted links to other nodes: gossip, requests, boot nodes, bans")
public @interface NetConfig {

    String PID = "io.zgnode.net";

    @AttributeDefinition(description = "Address to listen on for peers; 0.0.0.0 for every interface")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port; 0 picks a free one")
    int port() default 30303;

    @AttributeDefinition(description = "Nodes to connect to at start and to keep connected: host:port, several separated by commas",
            required = false)
    String[] bootnodes() default {};

    @AttributeDefinition(description = "Host to tell peers (where others reach this node); empty: host (0.0.0.0 lets "
            + "each peer use the address it sees)", required = false)
    String advertisedHost() default "";

    @AttributeDefinition(description = "The node's identity key file; empty: <data dir>/node-key.json; relative: to the data dir",
            required = false)
    String keyFile() default "";

    @AttributeDefinition(description = "Most peers connected at once")
    int maxPeers() default 50;

    @AttributeDefinition(description = "Largest gossip message, request or response in bytes")
    int maxMessageBytes() default 16 * 1024 * 1024;

    @AttributeDefinition(description = "Time for a new connection to complete its handshake, in ms")
    long handshakeTimeoutMillis() default 5000;

    @AttributeDefinition(description = "A link with nothing to send for this long sends a ping, in ms")
    long pingIntervalMillis() default 15000;

    @AttributeDefinition(description = "A link from which nothing arrives for this long is closed, in ms; 0: 3 pings")
    long idleTimeoutMillis() default 0;

    @AttributeDefinition(description = "How long a misbehaving peer (or address) is banned, in seconds")
    long banSeconds() default 600;

    @AttributeDefinition(description = "Penalty points at which a peer is banned (malformed frame 100, undecryptable 50, "
            + "invalid request 20, rejected message 10; one point decays every 10 s)")
    int penaltyThreshold() default 100;

    @AttributeDefinition(description = "First redial delay after a failure, in ms; doubles per failure")
    long dialBackoffMinMillis() default 1000;

    @AttributeDefinition(description = "Longest redial delay, in ms")
    long dialBackoffMaxMillis() default 60000;

    @AttributeDefinition(description = "Learn peers' addresses from peers (peer exchange) and connect to them")
    boolean discovery() default true;

    @AttributeDefinition(description = "How often each peer is asked for its peers, in ms")
    long peerExchangeIntervalMillis() default 30000;

    @AttributeDefinition(description = "Netty I/O threads (handshakes, encryption); 0: one per core, at most 4")
    int ioThreads() default 0;

    @AttributeDefinition(description = "Threads running message and request handlers; 0: two per core, at least 4")
    int workerThreads() default 0;

    @AttributeDefinition(description = "Gossip message ids remembered to drop repeats")
    int seenCacheSize() default 100_000;

    @AttributeDefinition(description = "How long a gossip message id is remembered, in seconds")
    long seenCacheSeconds() default 300;

    @AttributeDefinition(description = "Unsent bytes queued to one peer above which gossip to it is dropped (raised to maxMessageBytes if lower)")
    long maxQueuedBytesPerPeer() default 32L * 1024 * 1024;

    @AttributeDefinition(description = "Requests of one peer served at once; more are answered busy")
    int maxRequestsPerPeer() default 32;
}
