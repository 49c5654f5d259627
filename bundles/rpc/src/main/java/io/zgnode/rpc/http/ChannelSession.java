package io.zgnode.rpc.http;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.zgnode.rpc.core.ConnectionSession;

/** The session of one Netty connection: plain HTTP (no notifications) or WebSocket. */
final class ChannelSession extends ConnectionSession {

    private static final System.Logger LOG = System.getLogger("io.zgnode.rpc");

    private final Channel channel;
    private final boolean websocket;
    private final long maxPendingBytes;

    /**
     * @param maxPendingBytes how much unsent notification data a client may leave queued before
     *        it is disconnected: a client that stops reading must not exhaust the node's memory
     */
    ChannelSession(Channel channel, boolean websocket, ObjectMapper mapper, Executor callbacks, long maxPendingBytes) {
        super(websocket ? "ws" : "http", mapper, callbacks);
        this.channel = channel;
        this.websocket = websocket;
        this.maxPendingBytes = maxPendingBytes;
        channel.closeFuture().addListener(f -> closed());
    }

    @Override
    public boolean supportsNotifications() {
        return websocket;
    }

    @Override
    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    protected void send(byte[] json) {
        if (!channel.isWritable() && channel.bytesBeforeWritable() > maxPendingBytes) {
            LOG.log(Level.WARNING, "closing " + id() + " from " + channel.remoteAddress()
                    + ": the client does not read its notifications (" + channel.bytesBeforeWritable() + " bytes queued)");
            channel.close();
            return;
        }
        channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(json)));
    }
}
