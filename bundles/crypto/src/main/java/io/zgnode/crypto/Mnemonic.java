package io.zgnode.crypto;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/** BIP-39 mnemonic sentences: turning the words a wallet shows into the seed for {@link Bip32}. */
public final class Mnemonic {
    public static final int SEED_LENGTH = 64;
    private static final int ROUNDS = 2048;

    private Mnemonic() {
    }

    /**
     * The 64-byte seed: PBKDF2-HMAC-SHA512 of the words, salt "mnemonic" + passphrase, 2048 rounds,
     * both NFKD-normalized and UTF-8 encoded. As BIP-39 specifies, the words are not checked
     * against a word list: any sentence gives a seed, and a typo gives a different wallet.
     *
     * @param passphrase the optional BIP-39 passphrase; "" for none
     */
    public static byte[] toSeed(String words, String passphrase) {
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(passphrase, "passphrase (use \"\" for none)");
        PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SHA512Digest());
        pbkdf2.init(nfkdUtf8(words), nfkdUtf8("mnemonic" + passphrase), ROUNDS);
        return ((KeyParameter) pbkdf2.generateDerivedParameters(SEED_LENGTH * 8)).getKey();
    }

    private static byte[] nfkdUtf8(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
    }
}
