package io.zgnode.rpc.http;

import java.lang.System.Logger.Level;

import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.zgnode.rpc.core.JsonRpcDispatcher;

/**
 * JSON-RPC over one WebSocket: every text (or binary) message is a request or a batch. Replies
 * go out as they complete; ids tell the client which is which.
 */
final class WebSocketFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final System.Logger LOG = System.getLogger("io.zgnode.rpc");

    private final WebSocketServerHandshaker handshaker;
    private final JsonRpcDispatcher dispatcher;
    private final ChannelSession session;

    WebSocketFrameHandler(WebSocketServerHandshaker handshaker, JsonRpcDispatcher dispatcher, ChannelSession session) {
        this.handshaker = handshaker;
        this.dispatcher = dispatcher;
        this.session = session;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof CloseWebSocketFrame) {
            handshaker.close(ctx.channel(), (CloseWebSocketFrame) frame.retain());
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        } else if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
            Channel channel = ctx.channel();
            ByteBufInputStream body = new ByteBufInputStream(frame.content().retainedDuplicate(), true);
            dispatcher.handle(body, session).thenAccept(reply -> {
                if (reply.body() != null) {
                    channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(reply.body())));
                }
                reply.written();
            });
        }
        // pongs need no answer
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.DEBUG, "websocket " + session.id() + " failed: " + cause);
        ctx.close();
    }
}
