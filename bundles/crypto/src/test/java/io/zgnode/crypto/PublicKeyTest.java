package io.zgnode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class PublicKeyTest {
    private static final PrivateKey HARDHAT_1 =
            PrivateKey.of(Hex.decode("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"));
    private static final BigInteger P =
            new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", 16);

    @Test
    void roundTripsThroughItsBytes() {
        PublicKey key = HARDHAT_1.publicKey();
        byte[] bytes = key.bytes();
        assertThat(bytes).hasSize(64);
        assertThat(PublicKey.of(bytes)).isEqualTo(key).hasSameHashCodeAs(key);
        assertThat(Hex.encode(PublicKey.of(bytes).address())).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    }

    @Test
    void theAddressIsTheTailOfTheKeccakOfXy() {
        PublicKey key = HARDHAT_1.publicKey();
        byte[] hash = Keccak256.hash(key.bytes());
        assertThat(key.address()).isEqualTo(Arrays.copyOfRange(hash, 12, 32));
        assertThat(key).hasToString("PublicKey[address=0x70997970c51812dc3a010c7d01b50e0d17dc79c8]");
    }

    @Test
    void rejectsPointsOffTheCurve() {
        byte[] bytes = HARDHAT_1.publicKey().bytes();
        bytes[63] ^= 1;
        assertThatThrownBy(() -> PublicKey.of(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("public key is not a point on secp256k1");
        assertThatThrownBy(() -> PublicKey.of(new byte[64])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsCoordinatesNotBelowTheFieldPrime() {
        // x = p is x = 0 modulo p, but an encoding must be canonical
        byte[] xy = HARDHAT_1.publicKey().bytes();
        BigIntegers.asUnsignedByteArray(P, xy, 0, 32);
        assertThatThrownBy(() -> PublicKey.of(xy)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsOtherLengthsIncludingThePrefixedEncoding() {
        byte[] prefixed = new byte[65];
        prefixed[0] = 0x04;
        System.arraycopy(HARDHAT_1.publicKey().bytes(), 0, prefixed, 1, 64);
        assertThatThrownBy(() -> PublicKey.of(prefixed)).hasMessage("public key must be 64 bytes, got 65");
        assertThatThrownBy(() -> PublicKey.of(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }
}
