package io.zgnode.api.net;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ProviderType;

/** This node's links to its peers. */
@ProviderType
public interface PeerNetwork {

    /** This node's identity. */
    PeerId self();

    /** The peers connected now. */
    List<PeerInfo> peers();

    /** The largest message (gossip, request or response) the network carries, in bytes. */
    int maxMessageBytes();

    /**
     * Gossips {@code message} on {@code topic} to every peer; peers that accept it relay it on.
     * Each node handles a message once: sending one twice does nothing the second time.
     */
    void broadcast(String topic, byte[] message);

    /** Sends {@code message} on {@code topic} to one peer, if it is connected. */
    void send(PeerId peer, String topic, byte[] message);

    /**
     * Asks one peer; the future fails if the peer is not connected, does not serve the protocol,
     * fails, or does not answer within {@code timeout}.
     */
    CompletableFuture<byte[]> request(PeerId peer, String protocol, byte[] request, Duration timeout);

    /** Bans a peer (disconnected, refused) for {@code duration}. */
    void ban(PeerId peer, Duration duration, String reason);
}
