package io.zgnode.rpc.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.zgnode.api.metrics.MetricSource;
import io.zgnode.api.rpc.RpcException;
import io.zgnode.api.rpc.RpcServer;
import io.zgnode.rpc.core.Envelopes;
import io.zgnode.rpc.core.JsonMappers;
import io.zgnode.rpc.core.JsonRpcDispatcher;
import io.zgnode.rpc.core.MethodRegistry;
import io.zgnode.rpc.core.RegisteredMethod;
import io.zgnode.rpc.metrics.RpcMetrics;

/**
 * The listening server: Netty event loops for I/O, a bounded pool of workers for the calls, a
 * timer for held calls. Everything it starts it stops in {@link #close()}, so an updated rpc
 * bundle leaves no thread behind.
 */
public final class RpcHttpServer implements RpcServer, AutoCloseable {

    private final ServerSettings settings;
    private final MethodRegistry registry;
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final RpcMetrics metrics = new RpcMetrics(connections::get);
    private final EventLoopGroup loops;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private final ServerContext context;
    private Channel listener;
    private URI url;
    private volatile boolean closed;
    /** Whether the registry's held calls use this server's timer (not so after a failed start). */
    private volatile boolean holdsGrace;

    private RpcHttpServer(ServerSettings settings, MethodRegistry registry,
            Supplier<? extends Collection<? extends MetricSource>> metricSources) {
        this.settings = settings;
        this.registry = registry;
        int ioThreads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        this.loops = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("zgnode-rpc-io", true),
                NioIoHandler.newFactory());
        // bounded: under overload callers get "server busy" instead of the node running out of memory
        int queue = Math.min(65536, Math.max(1024, settings.maxConnections() * 4));
        this.workers = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), daemonThreads("zgnode-rpc-worker"));
        this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("zgnode-rpc-timer"));
        ((ScheduledThreadPoolExecutor) timer).setRemoveOnCancelPolicy(true);
        ObjectMapper mapper = JsonMappers.create();
        JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(registry, metrics, workers, settings.maxBatchSize());
        this.context = new ServerContext(settings, dispatcher, metrics, metricSources, workers,
                new CorsPolicy(settings.corsOrigins()), mapper);
    }

    /**
     * Starts listening.
     *
     * @throws ListenException when the address cannot be bound; nothing is left running then
     */
    public static RpcHttpServer start(ServerSettings settings, MethodRegistry registry,
            Supplier<? extends Collection<? extends MetricSource>> metricSources) {
        RpcHttpServer server = new RpcHttpServer(settings, registry, metricSources);
        try {
            server.bind();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        registry.useGrace(settings.updateGraceMillis(), server.timer);
        server.holdsGrace = true;
        return server;
    }

    private void bind() {
        byte[] tooLarge;
        try {
            tooLarge = Envelopes.error(null, RpcException.INVALID_REQUEST,
                    "request body exceeds the limit of " + settings.maxRequestBytes() + " bytes", null, context.mapper());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int max = settings.maxRequestBytes();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 << 10, 1 << 20))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        ch.closeFuture().addListener(f -> channels.remove(ch));
                        ch.pipeline()
                                .addLast("http", new HttpServerCodec())
                                .addLast("limit-connections", new ConnectionLimiter(connections, settings.maxConnections()))
                                .addLast("limit-size", new RequestSizeLimiter(max, tooLarge))
                                .addLast("aggregator", new HttpObjectAggregator(max))
                                .addLast("handler", new HttpRequestHandler(context));
                    }
                });
        ChannelFuture bound = bootstrap.bind(settings.host(), settings.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw ListenException.of(settings.address(), bound.cause());
        }
        listener = bound.channel();
        int port = ((InetSocketAddress) listener.localAddress()).getPort();
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        url = URI.create("http://" + host + ":" + port);
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public SortedSet<String> methods() {
        return registry.methods();
    }

    @Override
    public SortedMap<String, String> modules() {
        return registry.modules();
    }

    public Collection<RegisteredMethod> served() {
        return registry.served();
    }

    public ServerSettings settings() {
        return settings;
    }

    public int connections() {
        return connections.get();
    }

    public long requestsServed() {
        return metrics.requestsTotal();
    }

    public long errors() {
        return metrics.errorsTotal();
    }

    RpcMetrics metrics() {
        return metrics;
    }

    /** Stops listening, closes every connection and stops every thread the server started. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (holdsGrace) {
            registry.useGrace(0, null);
        }
        if (listener != null) {
            listener.close().awaitUninterruptibly();
        }
        List.copyOf(channels).forEach(Channel::close);
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        // onClose actions of the sessions just closed are queued on the workers: let them run
        workers.shutdown();
        try {
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
    }

    @Override
    public String toString() {
        return "RpcHttpServer[" + (url == null ? settings.address() : url) + "]";
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory base = Executors.defaultThreadFactory();
        return task -> {
            Thread t = base.newThread(task);
            t.setName(name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
