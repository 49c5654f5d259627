package io.zgnode.crypto;

import static io.zgnode.crypto.Secp256k1Test.N;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class PrivateKeyTest {
    private static final String HARDHAT_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    @Test
    void acceptsOneToNMinusOne() {
        assertThat(PrivateKey.of(bytes(BigInteger.ONE)).bytes()).isEqualTo(bytes(BigInteger.ONE));
        BigInteger largest = N.subtract(BigInteger.ONE);
        assertThat(PrivateKey.of(bytes(largest)).bytes()).isEqualTo(bytes(largest));
    }

    @Test
    void rejectsZeroAndNAndAbove() {
        for (BigInteger value : new BigInteger[] {BigInteger.ZERO, N, N.add(BigInteger.ONE)}) {
            assertThatThrownBy(() -> PrivateKey.of(bytes(value)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("private key must be in [1, n-1] of secp256k1");
        }
        assertThatThrownBy(() -> PrivateKey.of(new byte[33]))
                .hasMessage("private key must be 32 bytes, got 33");
        assertThatThrownBy(() -> PrivateKey.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsItsOwnCopyOfTheBytes() {
        byte[] bytes = Hex.decode(HARDHAT_0);
        PrivateKey key = PrivateKey.of(bytes);
        bytes[0] ^= 1;
        key.bytes()[0] ^= 1;
        assertThat(Hex.encode(key.bytes())).isEqualTo(HARDHAT_0);
    }

    @Test
    void randomKeysDifferAndHaveMatchingPublicKeys() {
        SecureRandom random = new SecureRandom();
        PrivateKey a = PrivateKey.random(random);
        PrivateKey b = PrivateKey.random(random);
        assertThat(a).isNotEqualTo(b);
        assertThat(a.publicKey()).isEqualTo(PrivateKey.of(a.bytes()).publicKey());
        assertThat(a.address()).isEqualTo(a.publicKey().address()).hasSize(20);
    }

    @Test
    void equalityByValueAndToStringWithoutTheKey() {
        PrivateKey key = PrivateKey.of(Hex.decode(HARDHAT_0));
        assertThat(key).isEqualTo(PrivateKey.of(Hex.decode(HARDHAT_0))).hasSameHashCodeAs(PrivateKey.of(Hex.decode(HARDHAT_0)));
        assertThat(key.toString())
                .isEqualTo("PrivateKey[address=0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266]")
                .doesNotContain(HARDHAT_0.substring(2, 12));
    }

    private static byte[] bytes(BigInteger value) {
        return BigIntegers.asUnsignedByteArray(32, value.mod(BigInteger.ONE.shiftLeft(256)));
    }
}
