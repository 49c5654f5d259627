package io.zgnode.net.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {

    @Test
    void parsesHostsAndIpv6Literals() {
        assertThat(HostPort.parse("127.0.0.1:30303")).isEqualTo(new HostPort("127.0.0.1", 30303));
        assertThat(HostPort.parse(" node-1.example:1 ")).isEqualTo(new HostPort("node-1.example", 1));
        assertThat(HostPort.parse("[::1]:9")).isEqualTo(new HostPort("::1", 9));
        assertThat(new HostPort("::1", 9)).hasToString("[::1]:9");
        assertThat(HostPort.parse("0.0.0.0:5").wildcard()).isTrue();
        assertThat(HostPort.parse("[::]:5").wildcard()).isTrue();
    }

    @Test
    void refusesWhatIsNotHostPort() {
        for (String bad : new String[] {"", "host", ":1", "host:", "host:x", "host:0", "host:70000", "::1:5", "[::1]5"}) {
            assertThatThrownBy(() -> HostPort.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
