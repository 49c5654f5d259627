package io.zgnode.net.internal;

import io.zgnode.net.wire.Frame;
import io.zgnode.net.wire.Handshake;
import io.zgnode.net.wire.Hello;
import io.zgnode.net.wire.ProtocolException;

/** What a {@link LinkHandler} tells the network. Called on the link's event loop. */
interface LinkEvents {

    /** A new handshake for a connection this node dialed ({@code initiator}) or accepted. */
    Handshake handshake(boolean initiator);

    /** Checks the peer's hello: null to go on, else why the peer is refused (the connection is closed). */
    String check(Link link, Hello hello);

    /** The peer proved its identity: the link is up (or is closed as a duplicate). */
    void established(Link link);

    void received(Link link, Frame frame);

    /** The peer broke the protocol; the connection is being closed. */
    void failed(Link link, ProtocolException e);

    /** Nothing came from the peer for too long (or the handshake took too long). */
    void timedOut(Link link);

    /** The connection is gone. */
    void closed(Link link);

    NetMetrics metrics();
}
