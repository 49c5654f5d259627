package io.zgnode.net.wire;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.zgnode.net.wire.ProtocolException.Kind;

/**
 * Splits the byte stream into frames ({@code byte[]} of length prefix and body), one per decode
 * call so that a limit changed by a later handler applies from the next frame on. A length over
 * the limit is reported as a {@link ProtocolException} of kind {@link Kind#OVERSIZED} before any
 * of its body is read; everything after it is discarded.
 */
public final class FrameDecoder extends ByteToMessageDecoder {

    private int maxFrame;
    private boolean failed;

    public FrameDecoder(int maxFrame) {
        this.maxFrame = maxFrame;
    }

    /** The largest frame body accepted from now on. Call on the channel's event loop. */
    public void maxFrame(int max) {
        this.maxFrame = max;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < 4) {
            return;
        }
        long length = in.getUnsignedInt(in.readerIndex());
        if (length > maxFrame) {
            failed = true;
            in.skipBytes(in.readableBytes());
            ctx.fireExceptionCaught(new ProtocolException(Kind.OVERSIZED,
                    "frame of " + length + " bytes announced, the limit is " + maxFrame));
            return;
        }
        if (in.readableBytes() < 4 + length) {
            return;
        }
        byte[] frame = new byte[4 + (int) length];
        in.readBytes(frame);
        out.add(frame);
    }
}
