package io.zgnode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ed25519Test {
    @ParameterizedTest(name = "RFC 8032 test {index}")
    @CsvSource({
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60, "
                + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '', "
                + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb, "
                + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72, "
                + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    })
    void rfc8032Vectors(String seed, String publicKey, String message, String signature) {
        Ed25519.KeyPair pair = Ed25519.fromSeed(Hex.decode(seed));
        byte[] messageBytes = Hex.decode(message);

        assertThat(Hex.encode(pair.publicKey().bytes())).isEqualTo("0x" + publicKey);
        assertThat(Hex.encode(pair.sign(messageBytes))).isEqualTo("0x" + signature);
        assertThat(Ed25519.PublicKey.of(Hex.decode(publicKey)).verify(messageBytes, Hex.decode(signature))).isTrue();
    }

    @Test
    void signsAndVerifiesWithGeneratedKeys() {
        SecureRandom random = new SecureRandom();
        for (int trial = 0; trial < 50; trial++) {
            Ed25519.KeyPair pair = Ed25519.generate(random);
            byte[] message = new byte[trial * 7];
            random.nextBytes(message);
            byte[] signature = pair.sign(message);

            assertThat(signature).hasSize(Ed25519.SIGNATURE_LENGTH);
            assertThat(pair.publicKey().verify(message, signature)).isTrue();
            assertThat(Ed25519.fromSeed(pair.seed())).isEqualTo(pair);
        }
    }

    @Test
    void rejectsAlteredMessagesSignaturesAndOtherKeys() {
        Ed25519.KeyPair pair = Ed25519.fromSeed(new byte[32]);
        byte[] message = {1, 2, 3};
        byte[] signature = pair.sign(message);

        assertThat(pair.publicKey().verify(new byte[] {1, 2, 4}, signature)).isFalse();
        byte[] altered = signature.clone();
        altered[10] ^= 1;
        assertThat(pair.publicKey().verify(message, altered)).isFalse();
        assertThat(Ed25519.generate(new SecureRandom()).publicKey().verify(message, signature)).isFalse();
        assertThat(pair.publicKey().verify(message, new byte[63])).isFalse();
        assertThat(pair.publicKey().verify(message, new byte[65])).isFalse();
    }

    @Test
    void rejectsInvalidAndSmallOrderPublicKeys() {
        // y = 2 is not the y of any point; y = 1 is the neutral element, of order 1
        byte[] notOnCurve = new byte[32];
        notOnCurve[0] = 2;
        byte[] neutral = new byte[32];
        neutral[0] = 1;
        assertThatThrownBy(() -> Ed25519.PublicKey.of(notOnCurve)).hasMessageStartingWith("not a valid Ed25519 public key");
        assertThatThrownBy(() -> Ed25519.PublicKey.of(neutral)).hasMessageStartingWith("not a valid Ed25519 public key");
        assertThatThrownBy(() -> Ed25519.PublicKey.of(new byte[31])).hasMessage("Ed25519 public key must be 32 bytes, got 31");
    }

    @Test
    void seedsAre32Bytes() {
        assertThatThrownBy(() -> Ed25519.fromSeed(new byte[64])).hasMessage("Ed25519 seed must be 32 bytes, got 64");
    }

    @Test
    void valuesAreCopiedAndTheSeedIsNeverPrinted() {
        byte[] seed = new byte[32];
        seed[0] = 0x5A;
        Ed25519.KeyPair pair = Ed25519.fromSeed(seed);
        seed[1] = 1;
        pair.seed()[2] = 1;
        pair.publicKey().bytes()[0] ^= 1;
        assertThat(pair.seed()).isEqualTo(Ed25519.fromSeed(pair.seed()).seed()).startsWith(0x5A, 0, 0);
        assertThat(Ed25519.PublicKey.of(pair.publicKey().bytes())).isEqualTo(pair.publicKey());
        assertThat(pair.toString()).doesNotContain("5a00").contains(Hex.encode(pair.publicKey().bytes()));
    }
}
