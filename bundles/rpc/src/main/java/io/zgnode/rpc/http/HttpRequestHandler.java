package io.zgnode.rpc.http;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.zgnode.rpc.metrics.MetricsPage;
import io.zgnode.rpc.metrics.PrometheusWriter;

/**
 * Routes the HTTP requests of one connection: JSON-RPC on POST /, /health, /metrics, CORS
 * preflight, and the upgrade to WebSocket on / or /ws.
 * <p>
 * Responses are produced on worker threads and may finish out of order; HTTP/1.1 wants them
 * in request order on a connection, so each is chained behind the previous one before writing.
 */
final class HttpRequestHandler extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger("io.zgnode.rpc");
    private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.US_ASCII);

    /** A response and what to do once it has been handed to the channel. */
    private record Outgoing(FullHttpResponse response, Runnable afterWrite) {
        Outgoing(FullHttpResponse response) {
            this(response, () -> { });
        }
    }

    private final ServerContext server;
    private ChannelSession session;
    /** Completes when the previous response has been written; touched on the event loop only. */
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);

    HttpRequestHandler(ServerContext server) {
        this.server = server;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            route(ctx, request);
        } finally {
            request.release();
        }
    }

    private void route(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            respond(ctx, request, HttpResponses.closing(HttpResponses.text(HttpResponseStatus.BAD_REQUEST,
                    "bad request\n")));
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        HttpMethod method = request.method();
        boolean rpcPath = path.equals("/") || path.equals("/ws");
        if (rpcPath && isUpgrade(request)) {
            upgrade(ctx, request, path);
        } else if (method.equals(HttpMethod.OPTIONS)) {
            preflight(ctx, request);
        } else if (path.equals("/")) {
            if (method.equals(HttpMethod.POST)) {
                call(ctx, request);
            } else {
                FullHttpResponse r = HttpResponses.text(HttpResponseStatus.METHOD_NOT_ALLOWED,
                        "zgnode JSON-RPC 2.0: POST requests with Content-Type application/json here,"
                                + " or open a WebSocket\n");
                r.headers().set(HttpHeaderNames.ALLOW, "POST, OPTIONS");
                respond(ctx, request, r);
            }
        } else if (path.equals("/health") && isGet(method)) {
            respond(ctx, request, HttpResponses.json(HttpResponseStatus.OK, HEALTHY));
        } else if (path.equals("/metrics") && isGet(method)) {
            metrics(ctx, request);
        } else if (path.equals("/health") || path.equals("/metrics") || path.equals("/ws")) {
            respond(ctx, request, HttpResponses.text(HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed\n"));
        } else {
            respond(ctx, request, HttpResponses.text(HttpResponseStatus.NOT_FOUND, "not found: " + path + "\n"));
        }
    }

    private void call(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (session == null) {
            session = server.newSession(ctx.channel(), false);
        }
        // the body is parsed on a worker: a large one must not hold up the event loop
        ByteBufInputStream body = new ByteBufInputStream(request.content().retainedDuplicate(), true);
        CompletableFuture<Outgoing> out = server.dispatcher().handle(body, session).thenApply(reply -> new Outgoing(
                reply.body() == null ? HttpResponses.empty(HttpResponseStatus.NO_CONTENT)
                        : HttpResponses.json(HttpResponseStatus.OK, reply.body()),
                reply::written));
        respond(ctx, request, out);
    }

    private void metrics(ChannelHandlerContext ctx, FullHttpRequest request) {
        CompletableFuture<Outgoing> out;
        try {
            // metric sources are other bundles' code: they run on a worker, not here
            out = CompletableFuture.supplyAsync(() -> new Outgoing(HttpResponses.text(HttpResponseStatus.OK,
                    PrometheusWriter.CONTENT_TYPE, MetricsPage.render(server.metrics(), server.metricSources().get()))),
                    server.workers());
        } catch (RejectedExecutionException e) {
            out = CompletableFuture.completedFuture(new Outgoing(
                    HttpResponses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "server busy\n")));
        }
        respond(ctx, request, out);
    }

    private void preflight(ChannelHandlerContext ctx, FullHttpRequest request) {
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        String allowed = server.cors().allowOrigin(origin);
        if (allowed == null) {
            respond(ctx, request, HttpResponses.text(HttpResponseStatus.FORBIDDEN,
                    origin == null ? "not a CORS preflight request\n" : "origin not allowed: " + origin + "\n"));
            return;
        }
        FullHttpResponse response = HttpResponses.empty(HttpResponseStatus.NO_CONTENT);
        String headers = request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        response.headers()
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "POST, GET, OPTIONS")
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, headers == null ? "Content-Type" : headers)
                .set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
        respond(ctx, request, response);
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (!server.cors().allowsWebSocket(origin, request.headers().get(HttpHeaderNames.HOST))) {
            respond(ctx, request, HttpResponses.closing(HttpResponses.text(HttpResponseStatus.FORBIDDEN,
                    "origin not allowed: " + origin + "\n")));
            return;
        }
        int max = server.settings().maxRequestBytes();
        WebSocketDecoderConfig decoder = WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(max).build();
        String url = "ws://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + path;
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(url, null, decoder)
                .newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.remove(RequestSizeLimiter.class);
        pipeline.addAfter(ctx.name(), "ws-aggregator", new WebSocketFrameAggregator(max));
        pipeline.addAfter("ws-aggregator", "ws-handler",
                new WebSocketFrameHandler(handshaker, server.dispatcher(), server.newSession(ctx.channel(), true)));
        pipeline.remove(this);
        // the handshaker swaps the HTTP codec and aggregator for the WebSocket codec
        handshaker.handshake(ctx.channel(), request).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    private void respond(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        respond(ctx, request, CompletableFuture.completedFuture(new Outgoing(response)));
    }

    private void respond(ChannelHandlerContext ctx, FullHttpRequest request, CompletableFuture<Outgoing> response) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        String allowOrigin = server.cors().allowOrigin(request.headers().get(HttpHeaderNames.ORIGIN));
        CompletableFuture<Outgoing> safe = response.exceptionally(e -> {
            LOG.log(Level.ERROR, "HTTP request failed", e);
            return new Outgoing(HttpResponses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error\n"));
        });
        previous = previous.thenCombine(safe, (done, out) -> out).thenAccept(out -> write(ctx, out, keepAlive, allowOrigin));
    }

    private static void write(ChannelHandlerContext ctx, Outgoing out, boolean keepAlive, String allowOrigin) {
        FullHttpResponse response = out.response();
        if (allowOrigin != null) {
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, allowOrigin);
            if (!allowOrigin.equals("*")) {
                response.headers().set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
            }
        }
        boolean close = !keepAlive
                || response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
        HttpUtil.setKeepAlive(response, !close);
        ChannelFuture written = ctx.writeAndFlush(response);
        out.afterWrite().run();
        if (close) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static boolean isUpgrade(FullHttpRequest request) {
        return request.method().equals(HttpMethod.GET)
                && request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
                && request.headers().contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private static boolean isGet(HttpMethod method) {
        return method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.DEBUG, "connection " + ctx.channel().remoteAddress() + " failed: " + cause);
        ctx.close();
    }
}
