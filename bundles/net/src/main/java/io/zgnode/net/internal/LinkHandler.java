package io.zgnode.net.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import io.zgnode.net.wire.Frame;
import io.zgnode.net.wire.FrameDecoder;
import io.zgnode.net.wire.Frames;
import io.zgnode.net.wire.Handshake;
import io.zgnode.net.wire.Hello;
import io.zgnode.net.wire.ProtocolException;
import io.zgnode.net.wire.ProtocolException.Kind;
import io.zgnode.net.wire.SessionCipher;

/**
 * The protocol of one connection, on its event loop: sends HELLO, takes the peer's, exchanges
 * AUTH, then encrypts every {@link Frame} written and decrypts every frame read. Frames written
 * before the link is up are refused.
 */
final class LinkHandler extends ChannelDuplexHandler {

    private enum State { HELLO, AUTH, OPEN, CLOSED }

    private final Link link;
    private final LinkEvents events;
    private final FrameDecoder decoder;
    private final int maxFrame;
    private final long handshakeTimeoutMillis;
    private State state = State.HELLO;
    private Handshake handshake;
    private SessionCipher sender;
    private SessionCipher receiver;
    private ScheduledFuture<?> handshakeTimer;

    LinkHandler(Link link, LinkEvents events, FrameDecoder decoder, int maxFrame, long handshakeTimeoutMillis) {
        this.link = link;
        this.events = events;
        this.decoder = decoder;
        this.maxFrame = maxFrame;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        handshake = events.handshake(link.outbound());
        byte[] hello = handshake.hello();
        byte[] frame = new byte[4 + hello.length];
        frame[2] = (byte) (hello.length >>> 8);
        frame[3] = (byte) hello.length;
        System.arraycopy(hello, 0, frame, 4, hello.length);
        events.metrics().wireBytesOut.add(frame.length);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(frame));
        handshakeTimer = ctx.executor().schedule(() -> {
            if (state != State.OPEN && state != State.CLOSED) {
                events.timedOut(link);
                link.close("handshake not done within " + handshakeTimeoutMillis + " ms");
            }
        }, handshakeTimeoutMillis, TimeUnit.MILLISECONDS);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof byte[] frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        events.metrics().wireBytesIn.add(frame.length);
        try {
            switch (state) {
                case HELLO -> onHello(ctx, frame);
                case AUTH -> onAuth(frame);
                case OPEN -> {
                    Frame f = Frames.decode(receiver.open(frame, 0, frame.length));
                    if (f instanceof Frame.Auth) {
                        throw new ProtocolException(Kind.MALFORMED, "auth frame after the handshake");
                    }
                    events.received(link, f);
                }
                case CLOSED -> {
                }
            }
        } catch (ProtocolException e) {
            fail(e);
        }
    }

    private void onHello(ChannelHandlerContext ctx, byte[] frame) throws ProtocolException {
        Hello hello = handshake.receive(Arrays.copyOfRange(frame, 4, frame.length));
        String refusal = events.check(link, hello);
        if (refusal != null) {
            state = State.CLOSED;
            link.close(refusal);
            return;
        }
        Handshake.Session session = handshake.session();
        sender = session.sender();
        receiver = session.receiver();
        state = State.AUTH;
        byte[] auth = sender.seal(Frames.encode(new Frame.Auth(session.signature())));
        events.metrics().wireBytesOut.add(auth.length);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(auth));
    }

    private void onAuth(byte[] frame) throws ProtocolException {
        Frame f;
        try {
            f = Frames.decode(receiver.open(frame, 0, frame.length));
        } catch (ProtocolException e) {
            throw new ProtocolException(Kind.HANDSHAKE, "auth: " + e.getMessage());
        }
        if (!(f instanceof Frame.Auth auth)) {
            throw new ProtocolException(Kind.HANDSHAKE, "expected auth, got another frame");
        }
        if (!handshake.verify(auth.signature())) {
            throw new ProtocolException(Kind.HANDSHAKE, "auth signature does not verify for identity " + link.peer());
        }
        handshake = null;
        state = State.OPEN;
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        decoder.maxFrame(maxFrame);
        link.established(Instant.now());
        events.established(link);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof Frame frame) {
            if (state != State.OPEN) {
                promise.tryFailure(new IOException("link to " + link + " is not open"));
                return;
            }
            byte[] wire = sender.seal(Frames.encode(frame));
            events.metrics().wireBytesOut.add(wire.length);
            ctx.write(Unpooled.wrappedBuffer(wire), promise);
        } else {
            ctx.write(msg, promise);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle && state == State.OPEN) {
            if (idle.state() == IdleState.WRITER_IDLE) {
                // from the tail, so that this handler encrypts it
                link.send(new Frame.Ping(System.nanoTime()));
            } else if (idle.state() == IdleState.READER_IDLE) {
                events.timedOut(link);
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause;
        while (!(root instanceof ProtocolException) && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ProtocolException e) {
            fail(e);
        } else {
            // connection reset and the like: nothing the peer can be blamed for
            link.close(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        state = State.CLOSED;
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        events.closed(link);
        super.channelInactive(ctx);
    }

    private void fail(ProtocolException e) {
        if (state == State.CLOSED) {
            return;
        }
        boolean wasOpen = state == State.OPEN;
        state = State.CLOSED;
        events.failed(link, e);
        if (wasOpen) {
            // our direction still works: tell the peer why
            link.closeReason(e.getMessage());
            byte[] bye = sender.seal(Frames.encode(new Frame.Goodbye(Frame.Goodbye.PROTOCOL_ERROR, e.getMessage())));
            link.channel().writeAndFlush(Unpooled.wrappedBuffer(bye)).addListener(f -> link.channel().close());
        } else {
            link.close(e.getMessage());
        }
    }
}
