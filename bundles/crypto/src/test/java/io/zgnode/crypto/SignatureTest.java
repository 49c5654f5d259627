package io.zgnode.crypto;

import static io.zgnode.crypto.Secp256k1Test.N;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SignatureTest {
    private final Signature signature = PrivateKey.of(Hex.decode("0x" + "46".repeat(32))).sign(new byte[32]);

    @Test
    void roundTripsThroughSixtyFiveBytes() {
        byte[] bytes = signature.toBytes();
        assertThat(bytes).hasSize(65);
        assertThat(bytes[64]).isEqualTo((byte) signature.recoveryId());
        assertThat(Signature.fromBytes(bytes)).isEqualTo(signature);
    }

    @Test
    void roundTripsThroughThirtyTwoByteRAndS() {
        assertThat(signature.rBytes()).hasSize(32);
        assertThat(Signature.of(signature.rBytes(), signature.sBytes(), signature.recoveryId())).isEqualTo(signature);
        Signature small = new Signature(BigInteger.ONE, BigInteger.TWO, 1);
        assertThat(small.rBytes()).hasSize(32).endsWith(1);
        assertThat(Signature.fromBytes(small.toBytes())).isEqualTo(small);
    }

    @Test
    void recoveryIdIsZeroOrOne() {
        byte[] bytes = signature.toBytes();
        bytes[64] = 27;
        assertThatThrownBy(() -> Signature.fromBytes(bytes)).hasMessage("recovery id must be 0 or 1, got 27");
        assertThatThrownBy(() -> new Signature(BigInteger.ONE, BigInteger.ONE, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rAndSAreUnsigned256BitIntegers() {
        assertThatThrownBy(() -> new Signature(BigInteger.ONE.negate(), BigInteger.ONE, 0))
                .hasMessageStartingWith("r must be an unsigned 256-bit integer");
        assertThatThrownBy(() -> new Signature(BigInteger.ONE, BigInteger.ONE.shiftLeft(256), 0))
                .hasMessageStartingWith("s must be an unsigned 256-bit integer");
        assertThatThrownBy(() -> Signature.of(new byte[31], new byte[32], 0)).hasMessage("r must be 32 bytes, got 31");
        assertThatThrownBy(() -> Signature.fromBytes(new byte[64])).hasMessage("signature must be 65 bytes, got 64");
    }

    @Test
    void lowSIsAtMostHalfTheOrder() {
        BigInteger half = N.shiftRight(1);
        assertThat(new Signature(BigInteger.ONE, half, 0).isLowS()).isTrue();
        assertThat(new Signature(BigInteger.ONE, half.add(BigInteger.ONE), 0).isLowS()).isFalse();
    }
}
