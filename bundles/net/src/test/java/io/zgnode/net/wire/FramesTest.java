package io.zgnode.net.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.zgnode.net.wire.Frame.Auth;
import io.zgnode.net.wire.Frame.Goodbye;
import io.zgnode.net.wire.Frame.Gossip;
import io.zgnode.net.wire.Frame.Ping;
import io.zgnode.net.wire.Frame.Pong;
import io.zgnode.net.wire.Frame.Request;
import io.zgnode.net.wire.Frame.Response;
import io.zgnode.net.wire.ProtocolException.Kind;

class FramesTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyKindRoundTripsWithTheDocumentedLayout() throws Exception {
        byte[] gossip = Frames.encode(new Gossip("tx", utf8("abc")));
        assertThat(gossip).containsExactly(0x02, 2, 't', 'x', 'a', 'b', 'c');
        Gossip g = (Gossip) Frames.decode(gossip);
        assertThat(g.topic()).isEqualTo("tx");
        assertThat(g.payload()).containsExactly('a', 'b', 'c');

        byte[] request = Frames.encode(new Request(258, "blocks/1", utf8("q")));
        assertThat(request).startsWith(0x03, 0, 0, 0, 0, 0, 0, 1, 2, 8);
        Request r = (Request) Frames.decode(request);
        assertThat(r.id()).isEqualTo(258);
        assertThat(r.protocol()).isEqualTo("blocks/1");
        assertThat(r.payload()).containsExactly('q');

        Response resp = (Response) Frames.decode(Frames.encode(Response.error(7, Response.INVALID_REQUEST, "bad")));
        assertThat(resp.id()).isEqualTo(7);
        assertThat(resp.status()).isEqualTo(Response.INVALID_REQUEST);
        assertThat(resp.reason()).isEqualTo("bad");

        assertThat(((Ping) Frames.decode(Frames.encode(new Ping(-5)))).nonce()).isEqualTo(-5);
        assertThat(((Pong) Frames.decode(Frames.encode(new Pong(9)))).nonce()).isEqualTo(9);
        Goodbye bye = (Goodbye) Frames.decode(Frames.encode(new Goodbye(Goodbye.DUPLICATE, "duplicate link")));
        assertThat(bye.reason()).isEqualTo(Goodbye.DUPLICATE);
        assertThat(bye.text()).isEqualTo("duplicate link");
        assertThat(((Auth) Frames.decode(Frames.encode(new Auth(new byte[64])))).signature()).hasSize(64);
    }

    @Test
    void malformedPlaintextsAreRefused() {
        assertMalformed(new byte[0], "empty frame");
        assertMalformed(new byte[] {0x42}, "unknown frame kind 66");
        assertMalformed(new byte[] {0x03, 0, 0, 0}, "truncated frame of kind 3");
        assertMalformed(new byte[] {0x02, 0, 'x'}, "empty topic");
        assertMalformed(new byte[] {0x02, 5, 'x'}, "truncated frame of kind 2");
        assertMalformed(new byte[] {0x02, 1, (byte) 0xff, 'x'}, "invalid UTF-8");
        assertMalformed(new byte[] {0x05, 0, 0, 0, 0, 0, 0, 0, 1, 9}, "trailing bytes");
        assertMalformed(new byte[] {0x01, 1, 2, 3}, "auth frame of 3 signature bytes");
    }

    private static void assertMalformed(byte[] plain, String message) {
        assertThatThrownBy(() -> Frames.decode(plain)).isInstanceOf(ProtocolException.class).hasMessage(message)
                .extracting(e -> ((ProtocolException) e).kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void namesAreOneTo255Bytes() {
        assertThatThrownBy(() -> Frames.encode(new Gossip("", new byte[0]))).hasMessageContaining("1 to 255");
        assertThatThrownBy(() -> Frames.encode(new Gossip("x".repeat(256), new byte[0]))).hasMessageContaining("1 to 255");
        assertThat(Frames.encode(new Gossip("x".repeat(255), new byte[0]))).hasSize(257);
        // reasons are cut on a character boundary
        assertThat(Frames.utf8("é".repeat(200), 255)).hasSize(254);
    }

    @Test
    void messageIdsSeparateTopicFromPayload() {
        assertThat(Frames.messageId("ab", utf8("c"))).isNotEqualTo(Frames.messageId("a", utf8("bc")));
        assertThat(Frames.messageId("tx", utf8("c"))).isEqualTo(Frames.messageId("tx", utf8("c"))).hasSize(32);
    }
}
