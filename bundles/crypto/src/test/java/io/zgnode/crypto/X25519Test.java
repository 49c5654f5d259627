package io.zgnode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class X25519Test {
    @Test
    void rfc7748Section6Vector() throws Exception {
        X25519.KeyPair alice = X25519.fromPrivateKey(Hex.decode("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        X25519.KeyPair bob = X25519.fromPrivateKey(Hex.decode("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        String shared = "0x4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

        assertThat(Hex.encode(alice.publicKey())).isEqualTo("0x8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        assertThat(Hex.encode(bob.publicKey())).isEqualTo("0xde9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        assertThat(Hex.encode(alice.agree(bob.publicKey()))).isEqualTo(shared);
        assertThat(Hex.encode(bob.agree(alice.publicKey()))).isEqualTo(shared);
    }

    @Test
    void bothSidesOfRandomPairsAgree() throws Exception {
        SecureRandom random = new SecureRandom();
        X25519.KeyPair a = X25519.generate(random);
        X25519.KeyPair b = X25519.generate(random);
        X25519.KeyPair c = X25519.generate(random);
        assertThat(a.agree(b.publicKey())).isEqualTo(b.agree(a.publicKey())).isNotEqualTo(a.agree(c.publicKey()));
        assertThat(X25519.fromPrivateKey(a.privateKey())).isEqualTo(a);
        assertThat(a.toString()).contains(Hex.encode(a.publicKey())).doesNotContain(Hex.encode(a.privateKey()).substring(2));
    }

    @Test
    void refusesLowOrderPeerKeys() {
        X25519.KeyPair pair = X25519.generate(new SecureRandom());
        byte[] zero = new byte[32];
        byte[] one = new byte[32];
        one[0] = 1;
        assertThatThrownBy(() -> pair.agree(zero)).isInstanceOf(InvalidKeyException.class).hasMessageContaining("low-order");
        assertThatThrownBy(() -> pair.agree(one)).isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void keysAre32Bytes() {
        X25519.KeyPair pair = X25519.generate(new SecureRandom());
        assertThatThrownBy(() -> pair.agree(new byte[33])).hasMessage("X25519 peer public key must be 32 bytes, got 33");
        assertThatThrownBy(() -> X25519.fromPrivateKey(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
