package io.zgnode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

class Secp256k1Test {
    static final BigInteger N =
            new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    private static final PrivateKey HARDHAT_0 =
            PrivateKey.of(Hex.decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));

    private final SplittableRandom random = new SplittableRandom(7);
    private final SecureRandom secureRandom = new SecureRandom();

    @Test
    void hardhatAccountZeroHasItsKnownAddress() {
        assertThat(Hex.encode(HARDHAT_0.address())).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266".toLowerCase());
    }

    @Test
    void signsTheEip155ExampleLikeGeth() throws Exception {
        PrivateKey key = PrivateKey.of(Hex.decode("0x" + "46".repeat(32)));
        byte[] hash = Hex.decode("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");

        Signature signature = key.sign(hash);

        // v = 37 on chain 1: 35 + 2 * 1 + recovery id
        assertThat(signature.recoveryId()).isZero();
        assertThat(signature.r()).isEqualTo(
                new BigInteger("18515461264373351373200002665853028612451056578545711640558177340181847433846"));
        assertThat(signature.s()).isEqualTo(
                new BigInteger("46948507304638947509940763649030358759909902576025900602547168820602576006531"));
        assertThat(Hex.encode(Secp256k1.recover(hash, signature).address()))
                .isEqualTo("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f");
    }

    @Test
    void signsAsBouncyCastlesDeterministicEcdsaDoesUpToLowS() {
        X9ECParameters curve = CustomNamedCurves.getByName("secp256k1");
        ECDomainParameters domain = new ECDomainParameters(curve);
        for (int trial = 0; trial < 50; trial++) {
            PrivateKey key = PrivateKey.random(secureRandom);
            byte[] hash = randomBytes(32);
            ECDSASigner reference = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            reference.init(true, new ECPrivateKeyParameters(new BigInteger(1, key.bytes()), domain));
            BigInteger[] rs = reference.generateSignature(hash);
            BigInteger lowS = rs[1].compareTo(N.shiftRight(1)) > 0 ? N.subtract(rs[1]) : rs[1];

            Signature signature = key.sign(hash);

            assertThat(signature.r()).isEqualTo(rs[0]);
            assertThat(signature.s()).isEqualTo(lowS);
        }
    }

    @Test
    void recoversTheSignersKeyFromRandomSignatures() throws Exception {
        for (int trial = 0; trial < 200; trial++) {
            PrivateKey key = PrivateKey.random(secureRandom);
            byte[] hash = randomBytes(32);
            Signature signature = key.sign(hash);

            assertThat(signature.isLowS()).isTrue();
            assertThat(key.sign(hash)).isEqualTo(signature);
            assertThat(Secp256k1.recover(hash, signature, Secp256k1.HighS.REJECT)).isEqualTo(key.publicKey());
            assertThat(Secp256k1.verify(hash, signature, key.publicKey())).isTrue();
        }
    }

    @Test
    void anotherHashOrKeyDoesNotVerify() throws Exception {
        byte[] hash = randomBytes(32);
        byte[] otherHash = randomBytes(32);
        Signature signature = HARDHAT_0.sign(hash);
        PublicKey otherKey = PrivateKey.random(secureRandom).publicKey();

        assertThat(Secp256k1.verify(otherHash, signature, HARDHAT_0.publicKey())).isFalse();
        assertThat(Secp256k1.verify(hash, signature, otherKey)).isFalse();
        assertThat(Secp256k1.recover(otherHash, signature)).isNotEqualTo(HARDHAT_0.publicKey());
        Signature otherRecoveryId = new Signature(signature.r(), signature.s(), 1 - signature.recoveryId());
        assertThat(Secp256k1.recover(hash, otherRecoveryId)).isNotEqualTo(HARDHAT_0.publicKey());
    }

    @Test
    void highSIsAcceptedOrRejectedAsAsked() throws Exception {
        byte[] hash = randomBytes(32);
        Signature low = HARDHAT_0.sign(hash);
        // (r, n - s) signs the same hash with -R, whose y has the other parity
        Signature high = new Signature(low.r(), N.subtract(low.s()), 1 - low.recoveryId());

        assertThat(high.isLowS()).isFalse();
        assertThat(Secp256k1.recover(hash, high)).isEqualTo(HARDHAT_0.publicKey());
        assertThat(Secp256k1.recover(hash, high, Secp256k1.HighS.ACCEPT)).isEqualTo(HARDHAT_0.publicKey());
        assertThatThrownBy(() -> Secp256k1.recover(hash, high, Secp256k1.HighS.REJECT))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("greater than n/2");
        assertThat(Secp256k1.verify(hash, high, HARDHAT_0.publicKey())).isTrue();
    }

    @Test
    void rejectsROrSOutsideOneToNMinusOne() {
        byte[] hash = randomBytes(32);
        Signature valid = HARDHAT_0.sign(hash);
        assertInvalid(hash, new Signature(BigInteger.ZERO, valid.s(), 0), "r is not in [1, n-1]");
        assertInvalid(hash, new Signature(N, valid.s(), 0), "r is not in [1, n-1]");
        assertInvalid(hash, new Signature(valid.r(), BigInteger.ZERO, 0), "s is not in [1, n-1]");
        assertInvalid(hash, new Signature(valid.r(), N, 0), "s is not in [1, n-1]");
        assertInvalid(hash, new Signature(valid.r(), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), 0),
                "s is not in [1, n-1]");
    }

    @Test
    void rejectsAnRThatIsNoPointsXCoordinate() {
        // x^3 + 7 has no square root modulo p for x = 5
        assertInvalid(randomBytes(32), new Signature(BigInteger.valueOf(5), BigInteger.ONE, 0), "not the x-coordinate");
    }

    @Test
    void insistsOn32ByteHashes() {
        Signature signature = HARDHAT_0.sign(new byte[32]);
        for (byte[] hash : new byte[][] {new byte[31], new byte[33], new byte[0]}) {
            assertThatThrownBy(() -> HARDHAT_0.sign(hash)).hasMessage("hash must be 32 bytes, got " + hash.length);
            assertThatThrownBy(() -> Secp256k1.recover(hash, signature)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Secp256k1.verify(hash, signature, HARDHAT_0.publicKey()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void assertInvalid(byte[] hash, Signature signature, String message) {
        assertThatThrownBy(() -> Secp256k1.recover(hash, signature))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining(message);
        assertThat(Secp256k1.verify(hash, signature, HARDHAT_0.publicKey())).isFalse();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
