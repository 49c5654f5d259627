package io.zgnode.net.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.zgnode.api.net.PeerId;
import io.zgnode.net.wire.ProtocolException;

class PeerExchangeTest {

    @Test
    void entriesRoundTripAndMalformedResponsesAreRefused() throws Exception {
        PeerId a = PeerId.of("0x" + "0a".repeat(32));
        PeerId b = PeerId.of("0x" + "0b".repeat(32));
        byte[] encoded = PeerExchange.encode(List.of(new PeerExchange.Entry(a, HostPort.parse("1.2.3.4:5")),
                new PeerExchange.Entry(b, HostPort.parse("[::1]:6"))));
        assertThat(PeerExchange.decode(encoded)).containsExactly(new PeerExchange.Entry(a, HostPort.parse("1.2.3.4:5")),
                new PeerExchange.Entry(b, HostPort.parse("[::1]:6")));
        assertThat(PeerExchange.decode(new byte[] {0})).isEmpty();
        assertThatThrownBy(() -> PeerExchange.decode(new byte[] {1, 2, 3})).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> PeerExchange.decode(new byte[] {0, 9})).hasMessageContaining("trailing");
        assertThatThrownBy(() -> PeerExchange.decode(new byte[] {(byte) 200})).hasMessageContaining("200 entries");
    }
}
