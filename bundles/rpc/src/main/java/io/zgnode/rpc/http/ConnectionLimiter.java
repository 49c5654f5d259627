package io.zgnode.rpc.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Admits at most maxConnections at a time. A connection over the limit is answered 503 and
 * closed: the answer is sent once its first request has been read, because a response written
 * before the client has sent anything is lost to the connection reset that closing causes.
 */
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

    /** A rejected client that sends nothing is dropped after this long. */
    private static final long REJECTED_LINGER_SECONDS = 10;

    private final AtomicInteger open;
    private final int max;
    private boolean admitted;
    private boolean answered;

    ConnectionLimiter(AtomicInteger open, int max) {
        this.open = open;
        this.max = max;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (open.incrementAndGet() <= max) {
            admitted = true;
        } else {
            open.decrementAndGet();
            ctx.executor().schedule(() -> ctx.close(), REJECTED_LINGER_SECONDS, TimeUnit.SECONDS);
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (admitted) {
            admitted = false;
            open.decrementAndGet();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (admitted) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            boolean expectsContinue = msg instanceof HttpRequest r && HttpUtil.is100ContinueExpected(r);
            if (!answered && (expectsContinue || msg instanceof LastHttpContent)) {
                answered = true;
                ctx.writeAndFlush(HttpResponses.closing(HttpResponses.text(HttpResponseStatus.SERVICE_UNAVAILABLE,
                        "too many connections (limit " + max + "), try again later\n")))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }
}
