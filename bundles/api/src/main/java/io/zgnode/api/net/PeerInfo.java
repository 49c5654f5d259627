package io.zgnode.api.net;

import java.time.Instant;

/**
 * A connected peer.
 *
 * @param address where it is (host:port as seen on the link)
 * @param outbound whether this node dialed it
 * @param listenAddress where it accepts connections (host:port it announced)
 */
public record PeerInfo(PeerId id, String address, boolean outbound, String listenAddress, Instant connectedSince, long messagesIn,
        long messagesOut, int penalty) {
}
