package io.zgnode.net.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.zgnode.api.net.PeerId;
import io.zgnode.api.net.PeerInfo;
import io.zgnode.net.wire.Frame;
import io.zgnode.net.wire.Frames;

/**
 * One connection to a peer, from TCP connect on: during the handshake it has no peer id yet;
 * once established it carries messages. Counters and queues are safe from any thread; frames
 * are sent in the order {@link #send} is called.
 */
public final class Link {

    /** Inbound messages queued for the handlers beyond which the link stops reading. */
    static final int MAX_QUEUED = 256;
    /**
     * The share of the link's queue one topic may fill; beyond it that topic's messages are
     * dropped rather than the link paused, so a flood on one topic (transactions under load)
     * never holds up another (consensus votes).
     */
    static final int LANE_SHARE_DIVISOR = 2;

    /** A request of ours waiting for its response. */
    static final class Pending {
        final CompletableFuture<byte[]> future = new CompletableFuture<>();
        final String protocol;
        volatile Future<?> timeout;

        Pending(String protocol) {
            this.protocol = protocol;
        }
    }

    private final Channel channel;
    private final boolean outbound;
    private final HostPort dialed;
    private volatile HostPort remote;
    private final long queueBytesLimit;
    private volatile PeerId peer;
    private volatile HostPort listen;
    private volatile Instant since;
    private volatile long establishedNanos;
    private volatile String closeReason;
    private volatile long rttNanos = -1;
    private final AtomicLong nextRequestId = new AtomicLong();
    final AtomicLong messagesIn = new AtomicLong();
    final AtomicLong messagesOut = new AtomicLong();
    final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    final AtomicInteger requestsInFlight = new AtomicInteger();
    private final AtomicLong outboundBytes = new AtomicLong();
    private final java.util.Queue<Frame> outbox = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Executor workers;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean paused = new AtomicBoolean();

    Link(Channel channel, boolean outbound, HostPort dialed, Executor workers, long queueBytesLimit) {
        this.channel = channel;
        this.outbound = outbound;
        this.dialed = dialed;
        this.workers = workers;
        this.queueBytesLimit = queueBytesLimit;
    }

    public Channel channel() {
        return channel;
    }

    public boolean outbound() {
        return outbound;
    }

    /** The address this node dialed (outbound links), else null. */
    public HostPort dialed() {
        return dialed;
    }

    /** The other end of the TCP connection (once connected). */
    public HostPort remote() {
        HostPort r = remote;
        if (r == null && channel.remoteAddress() != null) {
            r = HostPort.of(channel.remoteAddress());
            remote = r;
        }
        return r != null ? r : dialed != null ? dialed : new HostPort("unknown", 0);
    }

    /** The IP of the other end, or null. */
    java.net.InetAddress remoteIp() {
        return channel.remoteAddress() instanceof java.net.InetSocketAddress a ? a.getAddress() : null;
    }

    /** The peer's identity, once its hello arrived. */
    public PeerId peer() {
        return peer;
    }

    void peer(PeerId id, HostPort listenAddress) {
        this.peer = id;
        this.listen = listenAddress;
    }

    /** Where the peer accepts connections (as it announced), or null. */
    public HostPort listen() {
        return listen;
    }

    public boolean established() {
        return since != null;
    }

    void established(Instant now) {
        this.establishedNanos = System.nanoTime();
        this.since = now;
    }

    /** How long the link has been up, in ms (0 if it never was). */
    long ageMillis() {
        return since == null ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - establishedNanos);
    }

    public Instant since() {
        return since;
    }

    long nextRequestId() {
        return nextRequestId.incrementAndGet();
    }

    String closeReason() {
        return closeReason;
    }

    void closeReason(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
    }

    long rttNanos() {
        return rttNanos;
    }

    void rttNanos(long nanos) {
        this.rttNanos = nanos;
    }

    /** Bytes handed to the link and not yet written to the socket. */
    long outboundBytes() {
        return outboundBytes.get();
    }

    /**
     * Sends a frame (after the handshake). Frames from any thread go through one queue that the
     * event loop drains in one task, with one flush per batch.
     */
    void send(Frame frame) {
        if (!channel.isActive() || channel.eventLoop().isShuttingDown()) {
            return;
        }
        outboundBytes.addAndGet(Frames.payloadSize(frame) + 64L);
        outbox.add(frame);
        if (draining.compareAndSet(false, true)) {
            try {
                channel.eventLoop().execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                outbox.clear();
            }
        }
    }

    private void drain() {
        draining.set(false);
        Frame frame;
        boolean wrote = false;
        while ((frame = outbox.poll()) != null) {
            long size = Frames.payloadSize(frame) + 64L;
            channel.write(frame).addListener(f -> outboundBytes.addAndGet(-size));
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }

    /** Sends GOODBYE and closes; closes at once if the peer does not take the goodbye within a second. */
    void goodbye(int reason, String text) {
        closeReason(text);
        if (!channel.isActive()) {
            channel.close();
            return;
        }
        if (established()) {
            channel.writeAndFlush(new Frame.Goodbye(reason, text)).addListener(ChannelFutureListener.CLOSE);
            try {
                channel.eventLoop().schedule(() -> {
                    channel.close();
                }, 1, TimeUnit.SECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                channel.close();
            }
        } else {
            channel.close();
        }
    }

    /** Closes without goodbye. */
    void close(String reason) {
        closeReason(reason);
        channel.close();
    }

    /**
     * Queues work for this peer's handlers of one topic, in order (topics run independently);
     * stops reading from the peer while too much is queued. Call on the event loop.
     *
     * @return false if the topic's share of the queue is full and the message was dropped
     */
    boolean deliver(String topic, int bytes, Runnable task) {
        Lane lane = lanes.computeIfAbsent(topic, t -> new Lane(new SerialExecutor(workers)));
        int laneQueued = lane.queued.get();
        if (laneQueued >= MAX_QUEUED / LANE_SHARE_DIVISOR
                || laneQueued > 0 && lane.queuedBytes.get() + bytes > queueBytesLimit / LANE_SHARE_DIVISOR) {
            return false; // an empty lane takes any message the frame limit let through
        }
        queued.incrementAndGet();
        queuedBytes.addAndGet(bytes);
        lane.queued.incrementAndGet();
        lane.queuedBytes.addAndGet(bytes);
        lane.executor.execute(() -> {
            try {
                task.run();
            } finally {
                lane.queued.decrementAndGet();
                lane.queuedBytes.addAndGet(-bytes);
                queued.decrementAndGet();
                queuedBytes.addAndGet(-bytes);
                if (paused.get() && !full()) {
                    channel.eventLoop().execute(this::resumeIfDrained);
                }
            }
        });
        if (full() && paused.compareAndSet(false, true)) {
            channel.config().setAutoRead(false);
            // the queue may have drained between the check and the pause
            resumeIfDrained();
        }
        return true;
    }

    /** The inbound queue of one topic. */
    private record Lane(SerialExecutor executor, AtomicInteger queued, AtomicLong queuedBytes) {
        Lane(SerialExecutor executor) {
            this(executor, new AtomicInteger(), new AtomicLong());
        }
    }

    private boolean full() {
        return queued.get() >= MAX_QUEUED || queuedBytes.get() > queueBytesLimit;
    }

    private void resumeIfDrained() {
        if (!full() && paused.compareAndSet(true, false)) {
            channel.config().setAutoRead(true);
        }
    }

    PeerInfo info(int penalty) {
        return new PeerInfo(peer, remote().toString(), outbound, listen == null ? "" : listen.toString(), since,
                messagesIn.get(), messagesOut.get(), penalty);
    }

    @Override
    public String toString() {
        return (peer == null ? "?" : peer.shortForm()) + "@" + remote() + (outbound ? " (outbound)" : " (inbound)");
    }
}
