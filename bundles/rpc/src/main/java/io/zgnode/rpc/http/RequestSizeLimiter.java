package io.zgnode.rpc.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Refuses request bodies over maxRequestBytes with 413 and a JSON-RPC error that names the
 * limit, before they are aggregated in memory. The rest of a refused body is read and dropped so
 * the client, still sending, receives the answer instead of a connection reset; then the
 * connection is closed.
 */
final class RequestSizeLimiter extends ChannelInboundHandlerAdapter {

    private final int max;
    private final byte[] tooLarge;
    private long received;
    private boolean discarding;

    RequestSizeLimiter(int max, byte[] tooLarge) {
        this.max = max;
        this.tooLarge = tooLarge;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request) {
            received = 0;
            discarding = false;
            if (HttpUtil.getContentLength(request, -1L) > max) {
                refuse(ctx, HttpUtil.is100ContinueExpected(request), msg);
                return;
            }
        }
        if (msg instanceof HttpContent content) {
            if (discarding) {
                boolean last = msg instanceof LastHttpContent;
                ReferenceCountUtil.release(msg);
                if (last) {
                    ctx.close();
                }
                return;
            }
            received += content.content().readableBytes();
            if (received > max) {
                refuse(ctx, false, msg);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void refuse(ChannelHandlerContext ctx, boolean nothingFollows, Object msg) {
        boolean last = msg instanceof LastHttpContent;
        ReferenceCountUtil.release(msg);
        discarding = true;
        var write = ctx.writeAndFlush(HttpResponses.closing(
                HttpResponses.json(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge.clone())));
        if (nothingFollows || last) {
            write.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
