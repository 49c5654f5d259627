package io.zgnode.net.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.zgnode.api.metrics.MetricWriter;
import io.zgnode.api.net.InvalidRequestException;
import io.zgnode.api.net.MessageHandler;
import io.zgnode.api.net.PeerId;
import io.zgnode.api.net.PeerInfo;
import io.zgnode.api.net.PeerNetwork;
import io.zgnode.api.net.RequestHandler;
import io.zgnode.api.net.Verdict;
import io.zgnode.crypto.Ed25519;
import io.zgnode.net.wire.Frame;
import io.zgnode.net.wire.Frame.Goodbye;
import io.zgnode.net.wire.Frame.Gossip;
import io.zgnode.net.wire.Frame.Request;
import io.zgnode.net.wire.Frame.Response;
import io.zgnode.net.wire.FrameDecoder;
import io.zgnode.net.wire.Frames;
import io.zgnode.net.wire.Handshake;
import io.zgnode.net.wire.Hello;
import io.zgnode.net.wire.ProtocolException;

/**
 * The running network of one node: the listening socket, the links, gossip, requests, dialing
 * and bans.
 * <p>Threads: Netty event loops ({@code zgnode-net-io}) do the I/O, the handshakes and the
 * encryption of each link; handlers run on the workers ({@code zgnode-net-worker}), one peer's
 * gossip in order; a timer ({@code zgnode-net-timer}) dials, exchanges peers and times out
 * requests. {@link #close()} stops all of them. The set of links is changed under one lock
 * ({@code linkLock}) so that duplicate links are resolved the same way whatever the order of
 * their handshakes.
 */
public final class Network implements PeerNetwork, LinkEvents, Dialer.Network, AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.zgnode.net");
    /** Handshaking inbound connections allowed on top of maxPeers links. */
    private static final int MAX_PENDING_INBOUND = 16;
    private static final long PEER_EXCHANGE_TIMEOUT_MILLIS = 10_000;

    private final NetSettings settings;
    private final Ed25519.KeyPair key;
    private final PeerId self;
    private final long chainId;
    private final byte[] genesis;
    private final Handlers handlers;
    private final NetMetrics metrics = new NetMetrics();
    private final Bans bans;
    private final SeenCache seen;
    private final Dialer dialer;
    private final SecureRandom random = new SecureRandom();
    private final EventLoopGroup loops;
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor timer;
    private final Map<PeerId, Link> links = new ConcurrentHashMap<>();
    private final Set<Link> connections = ConcurrentHashMap.newKeySet();
    private final Object linkLock = new Object();
    private Channel server;
    private HostPort bound;
    private HostPort announced;
    private volatile boolean closed;

    private Network(NetSettings settings, Ed25519.KeyPair key, long chainId, byte[] genesis, Handlers handlers) {
        this.settings = settings;
        this.key = key;
        this.self = PeerId.of(key.publicKey().bytes());
        this.chainId = chainId;
        this.genesis = genesis.clone();
        this.handlers = handlers;
        this.bans = new Bans(settings.penaltyThreshold());
        this.seen = new SeenCache(settings.seenCacheSize(), settings.seenCacheSeconds() * 1000);
        this.dialer = new Dialer(settings.bootnodes(), settings.dialBackoffMinMillis(), settings.dialBackoffMaxMillis(),
                settings.maxPeers());
        this.loops = new MultiThreadIoEventLoopGroup(settings.ioThreads(), new DefaultThreadFactory("zgnode-net-io", true),
                NioIoHandler.newFactory());
        this.workers = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("zgnode-net-worker"));
        this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("zgnode-net-timer"));
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Starts listening, dialing the boot nodes and keeping links up.
     *
     * @param genesis the hash of block 0, which with the chain id names the network
     * @throws ListenException when the address cannot be bound; nothing is left running then
     */
    public static Network start(NetSettings settings, Ed25519.KeyPair key, long chainId, byte[] genesis, Handlers handlers) {
        Network network = new Network(settings, key, chainId, genesis, handlers);
        try {
            network.bind();
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
        network.schedule();
        return network;
    }

    private void bind() {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        InetAddress ip = ch.remoteAddress() == null ? null : ch.remoteAddress().getAddress();
                        if (closed || bans.banned(ip) || connections.size() >= settings.maxPeers() + MAX_PENDING_INBOUND) {
                            metrics.refused.increment();
                            ch.close();
                            return;
                        }
                        init(ch, false, null);
                    }
                });
        String address = new HostPort(settings.host(), settings.port()).toString();
        ChannelFuture future = bootstrap.bind(settings.host(), settings.port()).awaitUninterruptibly();
        if (!future.isSuccess()) {
            throw ListenException.of(address, future.cause());
        }
        server = future.channel();
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        bound = new HostPort(settings.host(), port);
        announced = new HostPort(settings.announcedHost(), port);
    }

    private void schedule() {
        long tick = Math.max(10, Math.min(200, settings.dialBackoffMinMillis() / 2));
        timer.scheduleWithFixedDelay(guard(this::dialDue), 0, tick, TimeUnit.MILLISECONDS);
        if (settings.discovery()) {
            timer.scheduleWithFixedDelay(guard(() -> links.values().forEach(this::exchangePeers)),
                    settings.peerExchangeIntervalMillis(), settings.peerExchangeIntervalMillis(), TimeUnit.MILLISECONDS);
        }
        timer.scheduleWithFixedDelay(guard(bans::prune), 10, 10, TimeUnit.SECONDS);
    }

    private void init(SocketChannel ch, boolean outbound, HostPort dialed) {
        FrameDecoder decoder = new FrameDecoder(Handshake.MAX_HANDSHAKE_FRAME);
        // reading from a peer pauses while a maximal message's worth is waiting for the handlers
        Link link = new Link(ch, outbound, dialed, workers, settings.maxMessageBytes());
        connections.add(link);
        ch.pipeline()
                .addLast("flush", new FlushConsolidationHandler(256, true))
                .addLast("idle", new IdleStateHandler(settings.idleTimeoutMillis(), settings.pingIntervalMillis(), 0,
                        TimeUnit.MILLISECONDS))
                .addLast("frames", decoder)
                .addLast("link", new LinkHandler(link, this, decoder, settings.maxFrameBytes(), settings.handshakeTimeoutMillis()));
    }

    // ---- dialing

    private void dialDue() {
        if (closed) {
            return;
        }
        for (HostPort target : dialer.due(this)) {
            dial(target);
        }
    }

    /** Dials {@code target} now, outside the boot and learned targets (tools, tests). */
    public void dial(HostPort target) {
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(target.host()), target.port());
        } catch (UnknownHostException e) {
            LOG.log(Level.DEBUG, () -> "cannot dial " + target + ": unknown host");
            dialer.ended(target, 0);
            return;
        }
        Bootstrap bootstrap = new Bootstrap()
                .group(loops)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.handshakeTimeoutMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        init(ch, true, target);
                    }
                });
        try {
            bootstrap.connect(address).addListener((ChannelFuture f) -> {
                if (!f.isSuccess()) {
                    connections.removeIf(l -> l.channel() == f.channel());
                    LOG.log(Level.DEBUG, () -> "cannot dial " + target + ": " + f.cause().getMessage());
                    dialer.ended(target, 0);
                }
            });
        } catch (RejectedExecutionException e) {
            dialer.ended(target, 0);
        }
    }

    @Override
    public boolean connected(PeerId peer) {
        return links.containsKey(peer);
    }

    @Override
    public boolean banned(PeerId peer) {
        return bans.banned(peer);
    }

    @Override
    public int peerCount() {
        return links.size();
    }

    // ---- link events (event loops)

    @Override
    public Handshake handshake(boolean initiator) {
        return new Handshake(initiator, key, chainId, genesis, announced == null ? "" : announced.toString(), random);
    }

    @Override
    public String check(Link link, Hello hello) {
        PeerId id = PeerId.of(hello.identity());
        link.peer(id, listenAddress(link, hello.listen()));
        if (hello.chainId() != chainId || !Arrays.equals(hello.genesis(), genesis)) {
            metrics.handshakeFailure("network");
            LOG.log(Level.WARNING, "refused peer " + id.shortForm() + " at " + link.remote() + ": it is on " + hello.network()
                    + ", this node on chain " + chainId + " genesis 0x" + java.util.HexFormat.of().formatHex(genesis));
            return "another network";
        }
        if (id.equals(self)) {
            metrics.handshakeFailure("self");
            if (link.dialed() != null) {
                dialer.self(link.dialed());
                LOG.log(Level.INFO, "not dialing " + link.dialed() + " again: it is this node");
            }
            return "connection to itself";
        }
        Bans.Ban ban = bans.ban(id);
        if (ban != null) {
            metrics.handshakeFailure("banned");
            LOG.log(Level.DEBUG, () -> "refused banned peer " + id.shortForm() + " at " + link.remote());
            return "banned until " + ban.until();
        }
        return null;
    }

    private static HostPort listenAddress(Link link, String announced) {
        if (announced == null || announced.isEmpty()) {
            return null;
        }
        try {
            HostPort address = HostPort.parse(announced);
            InetAddress ip = link.remoteIp();
            return address.wildcard() && ip != null ? address.withHost(ip.getHostAddress()) : address;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void established(Link link) {
        PeerId id = link.peer();
        Link loser = null;
        int refusal = 0;
        synchronized (linkLock) {
            if (closed) {
                refusal = Goodbye.SHUTDOWN;
            } else if (bans.banned(id)) {
                refusal = Goodbye.BANNED;
            } else {
                Link existing = links.get(id);
                if (existing == null) {
                    if (links.size() >= settings.maxPeers()) {
                        refusal = Goodbye.TOO_MANY_PEERS;
                    } else {
                        links.put(id, link);
                    }
                } else if (keepNew(existing, link)) {
                    links.put(id, link);
                    loser = existing;
                } else {
                    loser = link;
                }
            }
        }
        if (refusal != 0) {
            metrics.handshakeFailure(refusal == Goodbye.TOO_MANY_PEERS ? "too_many_peers" : refusal == Goodbye.BANNED ? "banned" : "closing");
            link.goodbye(refusal, refusal == Goodbye.TOO_MANY_PEERS ? "too many peers" : refusal == Goodbye.BANNED ? "banned" : "shutting down");
            return;
        }
        if (loser != null) {
            metrics.duplicateLinks.increment();
            LOG.log(Level.DEBUG, "closing duplicate link " + loser);
            loser.goodbye(Goodbye.DUPLICATE, "duplicate link");
            if (loser == link) {
                return;
            }
        }
        LOG.log(Level.INFO, "peer " + id.shortForm() + " connected, " + (link.outbound() ? "outbound to " : "inbound from ")
                + link.remote() + (link.listen() == null ? "" : ", listening on " + link.listen()));
        if (link.dialed() != null) {
            dialer.connected(link.dialed(), id);
        }
        if (link.listen() != null) {
            if (settings.discovery() && !link.outbound()) {
                dialer.learn(link.listen(), id);
            } else {
                dialer.connected(link.listen(), id);
            }
        }
        if (settings.discovery()) {
            exchangePeers(link);
        }
    }

    /**
     * Of two links between the same nodes, both keep the one dialed by the node with the smaller
     * identity; of two dialed by the same node, the newer.
     */
    private boolean keepNew(Link existing, Link fresh) {
        PeerId peer = fresh.peer();
        PeerId initiatorOld = existing.outbound() ? self : peer;
        PeerId initiatorNew = fresh.outbound() ? self : peer;
        if (initiatorOld.equals(initiatorNew)) {
            return true;
        }
        PeerId smaller = self.compareTo(peer) < 0 ? self : peer;
        return initiatorNew.equals(smaller);
    }

    @Override
    public void received(Link link, Frame frame) {
        if (frame instanceof Gossip g) {
            onGossip(link, g);
        } else if (frame instanceof Request r) {
            onRequest(link, r);
        } else if (frame instanceof Response r) {
            onResponse(link, r);
        } else if (frame instanceof Frame.Ping p) {
            link.send(new Frame.Pong(p.nonce()));
        } else if (frame instanceof Frame.Pong p) {
            long rtt = System.nanoTime() - p.nonce();
            if (rtt >= 0 && rtt < TimeUnit.MINUTES.toNanos(1)) {
                link.rttNanos(rtt);
            }
        } else if (frame instanceof Goodbye g) {
            String text = g.text().isEmpty() ? "reason " + g.reason() : g.text();
            link.close("peer said goodbye: " + text);
        }
    }

    @Override
    public void failed(Link link, ProtocolException e) {
        if (!link.established()) {
            if (e.kind() == ProtocolException.Kind.INCOMPATIBLE) {
                metrics.handshakeFailure("incompatible");
                LOG.log(Level.WARNING, "refused peer at " + link.remote() + ": " + e.getMessage());
                return;
            }
            metrics.handshakeFailure(e.kind() == ProtocolException.Kind.OVERSIZED ? "oversized" : "protocol");
            InetAddress ip = link.remoteIp();
            if (!link.outbound() && ip != null) {
                bans.ban(ip, Duration.ofSeconds(settings.banSeconds()), "handshake failed: " + e.getMessage());
                metrics.bans.increment();
                LOG.log(Level.WARNING, "banned address " + ip.getHostAddress() + " for " + settings.banSeconds()
                        + " s: handshake failed: " + e.getMessage());
            } else {
                LOG.log(Level.WARNING, "handshake with " + link.remote() + " failed: " + e.getMessage());
            }
            return;
        }
        LOG.log(Level.WARNING, "peer " + link.peer().shortForm() + " at " + link.remote() + " broke the protocol: "
                + e.getMessage() + "; disconnected");
        int points = switch (e.kind()) {
            case OVERSIZED -> Bans.OVERSIZED;
            case DECRYPTION -> Bans.DECRYPTION;
            default -> Bans.MALFORMED;
        };
        penalize(link.peer(), points, e.getMessage());
    }

    @Override
    public void timedOut(Link link) {
        if (link.established()) {
            LOG.log(Level.INFO, "peer " + link.peer().shortForm() + " sent nothing for " + settings.idleTimeoutMillis()
                    + " ms; disconnecting");
            link.goodbye(Goodbye.TIMEOUT, "nothing received for " + settings.idleTimeoutMillis() + " ms");
        } else {
            metrics.handshakeFailure("timeout");
        }
    }

    @Override
    public void closed(Link link) {
        connections.remove(link);
        PeerId peer = link.peer();
        boolean wasLink = peer != null && links.remove(peer, link);
        if (link.dialed() != null) {
            dialer.ended(link.dialed(), link.ageMillis());
        }
        IOException gone = new IOException("link to peer " + (peer == null ? link.remote().toString() : peer.shortForm())
                + " closed before it answered");
        for (Long id : List.copyOf(link.pending.keySet())) {
            Link.Pending p = link.pending.remove(id);
            if (p != null) {
                fail(p, gone);
            }
        }
        if (wasLink) {
            String reason = link.closeReason() == null ? "connection closed" : link.closeReason();
            LOG.log(Level.INFO, "peer " + peer.shortForm() + " at " + link.remote() + " disconnected: " + reason);
            dialer.lost(peer);
        } else if (!link.established() && link.closeReason() == null && !closed) {
            metrics.handshakeFailure("closed");
        }
    }

    @Override
    public NetMetrics metrics() {
        return metrics;
    }

    // ---- gossip

    @Override
    public PeerId self() {
        return self;
    }

    @Override
    public List<PeerInfo> peers() {
        List<PeerInfo> out = new ArrayList<>();
        for (Link link : links.values()) {
            out.add(link.info(bans.penalty(link.peer())));
        }
        out.sort(Comparator.comparing(PeerInfo::id));
        return out;
    }

    @Override
    public int maxMessageBytes() {
        return settings.maxMessageBytes();
    }

    @Override
    public void broadcast(String topic, byte[] message) {
        Gossip gossip = gossip(topic, message);
        if (!seen.add(Frames.messageId(topic, message))) {
            return;
        }
        for (Link link : links.values()) {
            sendGossip(link, gossip);
        }
    }

    @Override
    public void send(PeerId peer, String topic, byte[] message) {
        Gossip gossip = gossip(topic, message);
        Link link = links.get(peer);
        if (link != null) {
            sendGossip(link, gossip);
        }
    }

    private Gossip gossip(String topic, byte[] message) {
        Objects.requireNonNull(message, "message");
        Frames.name(topic, "topic");
        if (message.length > settings.maxMessageBytes()) {
            throw new IllegalArgumentException("message of " + message.length + " bytes exceeds the limit of "
                    + settings.maxMessageBytes() + " bytes");
        }
        return new Gossip(topic, message.clone());
    }

    private void sendGossip(Link link, Gossip gossip) {
        if (link.outboundBytes() > settings.maxQueuedBytesPerPeer()) {
            metrics.dropped.increment();
            return;
        }
        link.messagesOut.incrementAndGet();
        metrics.gossipOut(gossip.topic(), gossip.payload().length);
        link.send(gossip);
    }

    private void onGossip(Link link, Gossip gossip) {
        link.messagesIn.incrementAndGet();
        int size = gossip.payload().length;
        if (size > settings.maxMessageBytes()) {
            // within the frame limit's slack: the peer allows more than we do; drop, no penalty
            metrics.dropped.increment();
            return;
        }
        if (handlers.forTopic(gossip.topic()).isEmpty()) {
            metrics.gossipIn(NetMetrics.UNHANDLED, size);
            return;
        }
        metrics.gossipIn(gossip.topic(), size);
        try {
            if (!link.deliver(gossip.topic(), size, () -> handleGossip(link, gossip))) {
                metrics.dropped.increment();
            }
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private void handleGossip(Link link, Gossip gossip) {
        if (!seen.add(Frames.messageId(gossip.topic(), gossip.payload()))) {
            metrics.duplicates.increment();
            return;
        }
        List<MessageHandler> list = handlers.forTopic(gossip.topic());
        Verdict verdict = Verdict.IGNORE;
        for (MessageHandler handler : list) {
            Verdict v;
            try {
                v = handler.handle(link.peer(), gossip.payload().clone());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "message handler " + handler.getClass().getName() + " of topic " + gossip.topic()
                        + " failed: " + e);
                v = Verdict.IGNORE;
            }
            if (v == Verdict.REJECT) {
                verdict = Verdict.REJECT;
            } else if (v == Verdict.ACCEPT && verdict == Verdict.IGNORE) {
                verdict = Verdict.ACCEPT;
            }
        }
        if (verdict == Verdict.REJECT) {
            penalize(link.peer(), Bans.REJECTED, "message rejected on topic " + gossip.topic());
        } else if (verdict == Verdict.ACCEPT) {
            for (Link other : links.values()) {
                if (other != link && !other.peer().equals(link.peer())) {
                    sendGossip(other, gossip);
                }
            }
        }
    }

    // ---- requests

    @Override
    public CompletableFuture<byte[]> request(PeerId peer, String protocol, byte[] request, Duration timeout) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(timeout, "timeout");
        try {
            Frames.name(protocol, "protocol");
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (request.length > settings.maxMessageBytes()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("request of " + request.length
                    + " bytes exceeds the limit of " + settings.maxMessageBytes() + " bytes"));
        }
        Link link = links.get(peer);
        if (link == null) {
            return CompletableFuture.failedFuture(new IOException("peer " + peer.shortForm() + " is not connected"));
        }
        return request(link, protocol, request.clone(), timeout);
    }

    private CompletableFuture<byte[]> request(Link link, String protocol, byte[] request, Duration timeout) {
        long id = link.nextRequestId();
        Link.Pending pending = new Link.Pending(protocol);
        link.pending.put(id, pending);
        long millis = Math.max(1, timeout.toMillis());
        try {
            pending.timeout = timer.schedule(() -> {
                if (link.pending.remove(id, pending)) {
                    fail(pending, new TimeoutException("peer " + link.peer().shortForm() + " did not answer " + protocol
                            + " within " + millis + " ms"));
                }
            }, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            link.pending.remove(id);
            return CompletableFuture.failedFuture(new IOException("the network is shutting down"));
        }
        link.messagesOut.incrementAndGet();
        metrics.requestOut(protocol, request.length);
        link.send(new Request(id, protocol, request));
        if (!link.channel().isActive() && link.pending.remove(id, pending)) {
            pending.timeout.cancel(false);
            fail(pending, new IOException("link to peer " + link.peer().shortForm() + " closed"));
        }
        return pending.future;
    }

    private void onRequest(Link link, Request request) {
        link.messagesIn.incrementAndGet();
        int size = request.payload().length;
        if (Frames.PEERS_PROTOCOL.equals(request.protocol()) && settings.discovery()) {
            metrics.requestIn(request.protocol(), size);
            respond(link, new Response(request.id(), Response.OK, PeerExchange.encode(peersFor(link))));
            return;
        }
        if (size > settings.maxMessageBytes()) {
            respond(link, Response.error(request.id(), Response.TOO_LARGE, "request of " + size
                    + " bytes exceeds the limit of " + settings.maxMessageBytes() + " bytes"));
            return;
        }
        RequestHandler handler = handlers.forProtocol(request.protocol());
        if (handler == null) {
            metrics.requestIn(NetMetrics.UNHANDLED, size);
            respond(link, Response.error(request.id(), Response.UNKNOWN_PROTOCOL, "protocol " + request.protocol() + " is not served"));
            return;
        }
        metrics.requestIn(request.protocol(), size);
        if (link.requestsInFlight.incrementAndGet() > settings.maxRequestsPerPeer()) {
            link.requestsInFlight.decrementAndGet();
            respond(link, Response.error(request.id(), Response.BUSY, "too many requests at once (at most "
                    + settings.maxRequestsPerPeer() + ")"));
            return;
        }
        try {
            workers.execute(() -> serve(link, handler, request));
        } catch (RejectedExecutionException e) {
            link.requestsInFlight.decrementAndGet();
        }
    }

    private void serve(Link link, RequestHandler handler, Request request) {
        Response response;
        try {
            byte[] answer = handler.handle(link.peer(), request.payload());
            if (answer == null) {
                answer = new byte[0];
            }
            if (answer.length > settings.maxMessageBytes()) {
                LOG.log(Level.WARNING, "handler of " + request.protocol() + " answered " + answer.length
                        + " bytes, over the limit of " + settings.maxMessageBytes());
                response = Response.error(request.id(), Response.TOO_LARGE, "response of " + answer.length
                        + " bytes exceeds the limit of " + settings.maxMessageBytes() + " bytes");
            } else {
                response = new Response(request.id(), Response.OK, answer);
            }
        } catch (InvalidRequestException e) {
            response = Response.error(request.id(), Response.INVALID_REQUEST, e.getMessage());
            penalize(link.peer(), Bans.INVALID_REQUEST, "invalid " + request.protocol() + " request: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "request handler of " + request.protocol() + " failed: " + e);
            response = Response.error(request.id(), Response.FAILED, "the handler failed");
        } finally {
            link.requestsInFlight.decrementAndGet();
        }
        respond(link, response);
    }

    private void respond(Link link, Response response) {
        link.messagesOut.incrementAndGet();
        link.send(response);
    }

    private void onResponse(Link link, Response response) {
        link.messagesIn.incrementAndGet();
        Link.Pending pending = link.pending.remove(response.id());
        if (pending == null) {
            return; // timed out already
        }
        if (pending.timeout != null) {
            pending.timeout.cancel(false);
        }
        if (response.status() == Response.OK && response.payload().length > settings.maxMessageBytes()) {
            fail(pending, new RequestFailedException(Response.TOO_LARGE, "peer " + link.peer().shortForm() + " answered "
                    + pending.protocol + " with " + response.payload().length + " bytes, over the limit of "
                    + settings.maxMessageBytes() + " bytes"));
        } else if (response.status() == Response.OK) {
            complete(pending, response.payload());
        } else {
            fail(pending, new RequestFailedException(response.status(), "peer " + link.peer().shortForm() + " answered "
                    + pending.protocol + ": " + statusText(response.status()) + ": " + response.reason()));
        }
    }

    private static String statusText(int status) {
        return switch (status) {
            case Response.UNKNOWN_PROTOCOL -> "unknown protocol";
            case Response.INVALID_REQUEST -> "invalid request";
            case Response.FAILED -> "failed";
            case Response.TOO_LARGE -> "response too large";
            case Response.BUSY -> "busy";
            default -> "error " + status;
        };
    }

    /** Completes off the event loops, so that callers' continuations never run on them. */
    private void complete(Link.Pending pending, byte[] value) {
        try {
            workers.execute(() -> pending.future.complete(value));
        } catch (RejectedExecutionException e) {
            pending.future.complete(value);
        }
    }

    private void fail(Link.Pending pending, Throwable error) {
        try {
            workers.execute(() -> pending.future.completeExceptionally(error));
        } catch (RejectedExecutionException e) {
            pending.future.completeExceptionally(error);
        }
    }

    // ---- peer exchange

    private List<PeerExchange.Entry> peersFor(Link asker) {
        List<PeerExchange.Entry> out = new ArrayList<>();
        for (Link link : links.values()) {
            if (link != asker && link.listen() != null && !link.peer().equals(asker.peer())) {
                out.add(new PeerExchange.Entry(link.peer(), link.listen()));
            }
        }
        Collections.shuffle(out, random);
        return out.size() > PeerExchange.MAX_ENTRIES ? out.subList(0, PeerExchange.MAX_ENTRIES) : out;
    }

    private void exchangePeers(Link link) {
        if (closed || link.peer() == null) {
            return;
        }
        request(link, Frames.PEERS_PROTOCOL, new byte[0], Duration.ofMillis(PEER_EXCHANGE_TIMEOUT_MILLIS))
                .whenComplete((response, error) -> {
                    if (response == null) {
                        return;
                    }
                    try {
                        for (PeerExchange.Entry entry : PeerExchange.decode(response)) {
                            if (!entry.peer().equals(self) && !bans.banned(entry.peer())) {
                                dialer.learn(entry.listen(), entry.peer());
                            }
                        }
                    } catch (ProtocolException e) {
                        penalize(link.peer(), Bans.INVALID_REQUEST, e.getMessage());
                    }
                });
    }

    // ---- penalties and bans

    /** Adds penalty points; bans the peer when they reach the threshold. */
    public void penalize(PeerId peer, int points, String reason) {
        metrics.penalties.increment();
        LOG.log(Level.DEBUG, () -> "penalty of " + points + " for peer " + peer.shortForm() + ": " + reason);
        if (bans.penalize(peer, points)) {
            ban(peer, Duration.ofSeconds(settings.banSeconds()), reason);
        }
    }

    @Override
    public void ban(PeerId peer, Duration duration, String reason) {
        Objects.requireNonNull(peer, "peer");
        if (peer.equals(self)) {
            throw new IllegalArgumentException("a node cannot ban itself");
        }
        bans.ban(peer, duration, reason == null ? "" : reason);
        metrics.bans.increment();
        LOG.log(Level.WARNING, "banned peer " + peer.shortForm() + " for " + (duration.toMillis() < 10_000
                ? duration.toMillis() + " ms" : duration.toSeconds() + " s") + ": " + reason);
        for (Link link : connections) {
            if (peer.equals(link.peer())) {
                link.goodbye(Goodbye.BANNED, "banned: " + reason);
            }
        }
    }

    /** @return whether the peer was banned */
    public boolean unban(PeerId peer) {
        boolean was = bans.unban(peer);
        dialer.retry(peer);
        if (was) {
            LOG.log(Level.INFO, "unbanned peer " + peer.shortForm());
        }
        return was;
    }

    /** @return whether the address was banned */
    public boolean unban(InetAddress address) {
        boolean was = bans.unban(address);
        if (was) {
            LOG.log(Level.INFO, "unbanned address " + address.getHostAddress());
        }
        return was;
    }

    public Bans bans() {
        return bans;
    }

    public int penalty(PeerId peer) {
        return bans.penalty(peer);
    }

    // ---- status

    /** Where this node listens (the bound port, the configured host). */
    public HostPort bound() {
        return bound;
    }

    /** What this node tells peers. */
    public HostPort announced() {
        return announced;
    }

    public NetSettings settings() {
        return settings;
    }

    public List<String> targets() {
        return dialer.describe();
    }

    public Set<String> topics() {
        return handlers.topics();
    }

    public Set<String> protocols() {
        return handlers.protocols();
    }

    /** Round-trip time of the last ping of a peer, in ms, or -1. */
    public double rttMillis(PeerId peer) {
        Link link = links.get(peer);
        return link == null || link.rttNanos() < 0 ? -1 : link.rttNanos() / 1e6;
    }

    /** Unsent bytes queued to a peer (0 if not connected). */
    public long queuedBytes(PeerId peer) {
        Link link = links.get(peer);
        return link == null ? 0 : link.outboundBytes();
    }

    public Dialer dialer() {
        return dialer;
    }

    public void collect(MetricWriter out) {
        int inbound = 0;
        int outbound = 0;
        for (Link link : links.values()) {
            if (link.outbound()) {
                outbound++;
            } else {
                inbound++;
            }
        }
        metrics.collect(out, inbound, outbound, bans.size());
    }

    // ---- shutdown

    /** Says goodbye to every peer, stops listening and stops every thread it started. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        timer.shutdownNow();
        if (server != null) {
            server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        for (Link link : List.copyOf(connections)) {
            try {
                link.goodbye(Goodbye.SHUTDOWN, "node shutting down");
            } catch (RejectedExecutionException e) {
                link.channel().close();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (!connections.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // handlers first (they may still answer), then the event loops
        workers.shutdown();
        try {
            if (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
                workers.shutdownNow();
                workers.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        IOException down = new IOException("the network is shutting down");
        for (Link link : connections) {
            link.pending.values().forEach(p -> p.future.completeExceptionally(down));
        }
        for (Link link : links.values()) {
            link.pending.values().forEach(p -> p.future.completeExceptionally(down));
        }
        links.clear();
        connections.clear();
    }

    public boolean isClosed() {
        return closed;
    }

    private static Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "network task failed: " + e);
            }
        };
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

    @Override
    public String toString() {
        return "Network[" + self.shortForm() + " on " + bound + "]";
    }
}
