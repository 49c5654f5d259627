package io.zgnode.net.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;

class FrameDecoderTest {

    private final List<Throwable> errors = new ArrayList<>();

    private EmbeddedChannel channel(FrameDecoder decoder) {
        return new EmbeddedChannel(decoder, new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof byte[] frame && frame.length > 4 && frame[4] == 'L') {
                    decoder.maxFrame(1000); // e.g. the handshake is done
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                errors.add(cause);
            }
        });
    }

    @Test
    void framesAreSplitWhateverTheChunks() {
        EmbeddedChannel ch = channel(new FrameDecoder(100));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0}));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 2, 'a'}));
        assertThat((Object) ch.readInbound()).isNull();
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'b', 0, 0, 0, 1, 'c'}));
        assertThat((byte[]) ch.readInbound()).containsExactly(0, 0, 0, 2, 'a', 'b');
        assertThat((byte[]) ch.readInbound()).containsExactly(0, 0, 0, 1, 'c');
        assertThat(errors).isEmpty();
    }

    @Test
    void aLengthOverTheLimitIsRefusedBeforeTheBodyAndTheRestDiscarded() {
        EmbeddedChannel ch = channel(new FrameDecoder(100));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 101}));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).isInstanceOf(ProtocolException.class).hasMessage("frame of 101 bytes announced, the limit is 100");
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 1, 'x'}));
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(errors).hasSize(1);
    }

    @Test
    void aNewLimitAppliesFromTheNextFrame() {
        EmbeddedChannel ch = channel(new FrameDecoder(10));
        // the frame that lifts the limit and a larger one after it, in one read
        byte[] both = new byte[4 + 1 + 4 + 500];
        both[3] = 1;
        both[4] = 'L';
        both[7] = (byte) 0x01;
        both[8] = (byte) 0xf4;
        ch.writeInbound(Unpooled.wrappedBuffer(both));
        assertThat((byte[]) ch.readInbound()).hasSize(5);
        assertThat((byte[]) ch.readInbound()).hasSize(504);
        assertThat(errors).isEmpty();
    }
}
