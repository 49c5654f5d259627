package io.zgnode.da.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;
import io.zgnode.crypto.PrivateKey;

class DaSignaturesTest {

    private static final Address ENTRANCE = DaGenesis.DEFAULT_ENTRANCE;
    private static final Hash ROOT = Hash.of(Keccak256.hash(new byte[] {1, 2, 3}));
    private static final PrivateKey KEY = PrivateKey.of(Keccak256.hash("a DA signer".getBytes(StandardCharsets.UTF_8)));

    @Test
    void theMessageIsTheDocumentedHash() {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        packed.writeBytes("zgnode/da/certificate".getBytes(StandardCharsets.UTF_8));
        packed.writeBytes(word(31337));
        packed.writeBytes(ENTRANCE.toArray());
        packed.writeBytes(ROOT.toArray());
        packed.writeBytes(word(12));
        packed.writeBytes(word(0));
        assertThat(DaSignatures.message(31337, ENTRANCE, ROOT, 12, 0)).isEqualTo(Hash.of(Keccak256.hash(packed.toByteArray())))
                .as("as ethers 6 computes it: keccak256(concat([...]))")
                .isEqualTo(Hash.of("0x8f4b259338fd8084e14a24a5d980ea3cf5c61dd3cfa962d7e204d9fc7acad27b"));
    }

    @Test
    void theMessageBindsEveryField() {
        Hash message = DaSignatures.message(31337, ENTRANCE, ROOT, 12, 0);
        assertThat(DaSignatures.message(31338, ENTRANCE, ROOT, 12, 0)).isNotEqualTo(message);
        assertThat(DaSignatures.message(31337, DaGenesis.DEFAULT_REGISTRY, ROOT, 12, 0)).isNotEqualTo(message);
        assertThat(DaSignatures.message(31337, ENTRANCE, Hash.ZERO, 12, 0)).isNotEqualTo(message);
        assertThat(DaSignatures.message(31337, ENTRANCE, ROOT, 13, 0)).isNotEqualTo(message);
        assertThat(DaSignatures.message(31337, ENTRANCE, ROOT, 12, 1)).isNotEqualTo(message);
        assertThatThrownBy(() -> DaSignatures.message(31337, ENTRANCE, ROOT, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignatureRecoversToItsSigner() {
        Hash message = DaSignatures.message(31337, ENTRANCE, ROOT, 12, 0);
        byte[] signature = DaSignatures.sign(KEY, message);

        assertThat(signature).hasSize(65);
        assertThat(signature[64]).isIn((byte) 27, (byte) 28);
        assertThat(DaSignatures.recover(signature, message)).contains(Address.of(KEY.address()));
        byte[] plainV = signature.clone();
        plainV[64] -= 27;
        assertThat(DaSignatures.recover(plainV, message)).as("v 0 or 1").contains(Address.of(KEY.address()));
        assertThat(DaSignatures.recover(signature, DaSignatures.message(31337, ENTRANCE, ROOT, 13, 0)))
                .as("over another message it is someone else's").isPresent().get().isNotEqualTo(Address.of(KEY.address()));
    }

    @Test
    void malformedSignaturesRecoverToNoOne() {
        Hash message = DaSignatures.message(31337, ENTRANCE, ROOT, 12, 0);
        byte[] signature = DaSignatures.sign(KEY, message);

        assertThat(DaSignatures.recover(java.util.Arrays.copyOf(signature, 64), message)).isEmpty();
        assertThat(DaSignatures.recover(java.util.Arrays.copyOf(signature, 66), message)).isEmpty();
        assertThat(DaSignatures.recover(null, message)).isEmpty();
        byte[] badV = signature.clone();
        badV[64] = 29;
        assertThat(DaSignatures.recover(badV, message)).isEmpty();
        byte[] zeroR = signature.clone();
        java.util.Arrays.fill(zeroR, 0, 32, (byte) 0);
        assertThat(DaSignatures.recover(zeroR, message)).isEmpty();
        assertThat(DaSignatures.recover(highS(signature), message)).as("the malleable twin (high s) is refused").isEmpty();
    }

    @Test
    void randomKeysSignForThemselves() {
        PrivateKey other = PrivateKey.random(new SecureRandom());
        Hash message = DaSignatures.message(1, ENTRANCE, ROOT, 0, 0);
        assertThat(DaSignatures.recover(DaSignatures.sign(other, message), message)).contains(Address.of(other.address()));
    }

    /** (r, n - s) with the other recovery id: the same signature in its high-s form. */
    private static byte[] highS(byte[] signature) {
        BigInteger n = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        byte[] twin = signature.clone();
        byte[] high = word(n.subtract(s));
        System.arraycopy(high, 0, twin, 32, 32);
        twin[64] = (byte) (signature[64] == 27 ? 28 : 27);
        return twin;
    }

    private static byte[] word(long value) {
        return word(BigInteger.valueOf(value));
    }

    private static byte[] word(BigInteger value) {
        byte[] word = new byte[32];
        byte[] magnitude = value.toByteArray();
        int length = Math.min(32, magnitude.length);
        System.arraycopy(magnitude, magnitude.length - length, word, 32 - length, length);
        return word;
    }
}
