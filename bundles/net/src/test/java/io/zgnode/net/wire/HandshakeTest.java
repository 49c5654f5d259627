package io.zgnode.net.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.zgnode.crypto.Ed25519;
import io.zgnode.net.wire.ProtocolException.Kind;

class HandshakeTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] GENESIS = new byte[32];
    private final Ed25519.KeyPair alice = Ed25519.generate(RANDOM);
    private final Ed25519.KeyPair bob = Ed25519.generate(RANDOM);

    private static Handshake side(boolean initiator, Ed25519.KeyPair key) {
        return new Handshake(initiator, key, 5, GENESIS, initiator ? "" : "127.0.0.1:30303", RANDOM);
    }

    @Test
    void bothSidesDeriveOneKeyPerDirectionAndVerifyEachOther() throws Exception {
        Handshake a = side(true, alice);
        Handshake b = side(false, bob);
        Hello helloOfB = a.receive(b.hello());
        Hello helloOfA = b.receive(a.hello());
        assertThat(helloOfB.identity()).isEqualTo(bob.publicKey().bytes());
        assertThat(helloOfB.listen()).isEqualTo("127.0.0.1:30303");
        assertThat(helloOfA.chainId()).isEqualTo(5);
        assertThat(helloOfA.sameNetwork(helloOfB)).isTrue();

        Handshake.Session sa = a.session();
        Handshake.Session sb = b.session();
        assertThat(b.verify(sa.signature())).isTrue();
        assertThat(a.verify(sb.signature())).isTrue();
        // a signature is not valid for the other role: it cannot be reflected to its signer
        assertThat(a.verify(sa.signature())).isFalse();
        assertThat(b.verify(sb.signature())).isFalse();

        byte[] fromA = sa.sender().seal("to bob".getBytes());
        assertThat(new String(sb.receiver().open(fromA, 0, fromA.length))).isEqualTo("to bob");
        byte[] fromB = sb.sender().seal("to alice".getBytes());
        assertThat(new String(sa.receiver().open(fromB, 0, fromB.length))).isEqualTo("to alice");
        // the two directions use different keys
        byte[] again = sa.sender().seal("x".getBytes());
        assertThatThrownBy(() -> sa.receiver().open(again, 0, again.length)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aManInTheMiddleSwappingEphemeralsIsCaught() throws Exception {
        Handshake a = side(true, alice);
        Handshake b = side(false, bob);
        byte[] forged = a.hello();
        // Mallory puts her own ephemeral key in Alice's hello
        byte[] malloryEphemeral = io.zgnode.crypto.X25519.generate(RANDOM).publicKey();
        System.arraycopy(malloryEphemeral, 0, forged, 4 + 1 + 8 + 32, 32);
        b.receive(forged);
        a.receive(b.hello());
        Handshake.Session sa = a.session();
        b.session();
        assertThat(b.verify(sa.signature())).as("Alice signed another transcript").isFalse();
    }

    @Test
    void badHellosAreRefused() {
        Handshake b = side(false, bob);
        byte[] hello = side(true, alice).hello();

        byte[] magic = hello.clone();
        magic[0] = 'X';
        assertKind(() -> side(false, bob).receive(magic), Kind.HANDSHAKE, "not a zgnode peer");
        byte[] version = hello.clone();
        version[4] = 2;
        assertKind(() -> side(false, bob).receive(version), Kind.INCOMPATIBLE, "unsupported protocol version 2");
        assertKind(() -> side(false, bob).receive(Arrays.copyOf(hello, 40)), Kind.HANDSHAKE, "too short");
        byte[] length = hello.clone();
        length[4 + 1 + 8 + 96] = 9;
        assertKind(() -> side(false, bob).receive(length), Kind.HANDSHAKE, "listen address length 9");

        byte[] badIdentity = hello.clone();
        Arrays.fill(badIdentity, 4 + 1 + 8 + 64, 4 + 1 + 8 + 96, (byte) 0xff);
        assertKind(() -> side(false, bob).receive(badIdentity), Kind.HANDSHAKE, "not a valid Ed25519 public key");

        byte[] lowOrder = hello.clone();
        Arrays.fill(lowOrder, 4 + 1 + 8 + 32, 4 + 1 + 8 + 64, (byte) 0);
        assertKind(() -> {
            b.receive(lowOrder);
            b.session();
        }, Kind.HANDSHAKE, "low-order point");
    }

    private static void assertKind(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Kind kind, String message) {
        assertThatThrownBy(call).isInstanceOf(ProtocolException.class).hasMessageContaining(message)
                .extracting(e -> ((ProtocolException) e).kind()).isEqualTo(kind);
    }

    @Test
    void helloLayoutIsAsDocumented() {
        byte[] hello = new Hello(0x0102, new byte[32], new byte[32], new byte[32], "h:1").encode();
        assertThat(hello).hasSize(4 + 1 + 8 + 96 + 1 + 3);
        assertThat(Arrays.copyOf(hello, 13)).containsExactly('Z', 'G', 'N', '1', 1, 0, 0, 0, 0, 0, 0, 1, 2);
        assertThat(hello[109]).isEqualTo((byte) 3);
    }
}
