package io.zgnode.net.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.zgnode.net.wire.ProtocolException.Kind;

class SessionCipherTest {

    private static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            KEY[i] = (byte) i;
        }
    }

    @Test
    void framesOpenInOrderOnly() throws Exception {
        SessionCipher out = new SessionCipher(KEY);
        byte[] f0 = out.seal("zero".getBytes());
        byte[] f1 = out.seal("one".getBytes());
        byte[] f2 = out.seal("two".getBytes());
        assertThat(f0).hasSize(4 + 4 + 16);
        assertThat(f0).startsWith(0, 0, 0, 20);

        SessionCipher in = new SessionCipher(KEY);
        assertThat(in.open(f0, 0, f0.length)).containsExactly("zero".getBytes());
        // replay of frame 0 where frame 1 is due
        assertDecryption(() -> in.open(f0, 0, f0.length));

        SessionCipher reordered = new SessionCipher(KEY);
        assertThat(reordered.open(f0, 0, f0.length)).hasSize(4);
        assertDecryption(() -> reordered.open(f2, 0, f2.length));

        SessionCipher inOrder = new SessionCipher(KEY);
        for (byte[] f : new byte[][] {f0, f1, f2}) {
            inOrder.open(f, 0, f.length);
        }
        assertThat(inOrder.counter()).isEqualTo(3);
    }

    @Test
    void anyFlippedBitFails() {
        SessionCipher out = new SessionCipher(KEY);
        byte[] frame = out.seal(new byte[100]);
        for (int bit = 0; bit < frame.length * 8; bit += 7) {
            byte[] tampered = frame.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            SessionCipher in = new SessionCipher(KEY);
            assertThatThrownBy(() -> in.open(tampered, 0, tampered.length)).as("bit " + bit).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void anotherKeyFails() {
        byte[] frame = new SessionCipher(KEY).seal(new byte[10]);
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertDecryption(() -> new SessionCipher(other).open(frame, 0, frame.length));
        assertThatThrownBy(() -> new SessionCipher(other).open(new byte[10], 0, 10)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("shorter than its tag");
    }

    private static void assertDecryption(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).kind()).isEqualTo(Kind.DECRYPTION);
    }
}
