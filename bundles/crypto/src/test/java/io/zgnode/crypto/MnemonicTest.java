package io.zgnode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Seeds checked against Python's hashlib.pbkdf2_hmac. */
class MnemonicTest {
    @Test
    void bip39TrezorVector() {
        String words = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
        assertThat(Hex.encode(Mnemonic.toSeed(words, "TREZOR"))).isEqualTo("0xc55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e5349553"
                + "1f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04");
    }

    @Test
    void hardhatMnemonicWithoutPassphrase() {
        byte[] seed = Mnemonic.toSeed("test test test test test test test test test test test junk", "");
        assertThat(seed).hasSize(Mnemonic.SEED_LENGTH);
        assertThat(Hex.encode(seed)).isEqualTo("0x9dfc3c64c2f8bede1533b6a79f8570e5943e0b8fd1cf77107adf7b72cef42185"
                + "d564a3aee24cab43f80e3c4538087d70fc824eabbad596a23c97b6ee8322ccc0");
    }

    @Test
    void normalizesWordsAndPassphraseToNfkd() {
        String composed = "caf\u00e9";
        String decomposed = "cafe\u0301";
        assertThat(Mnemonic.toSeed(composed, composed)).isEqualTo(Mnemonic.toSeed(decomposed, decomposed));
        assertThat(Mnemonic.toSeed("abc", "")).isNotEqualTo(Mnemonic.toSeed("abc", "x"));
    }

    @Test
    void passphraseIsRequiredEvenIfEmpty() {
        assertThatThrownBy(() -> Mnemonic.toSeed("abc", null)).isInstanceOf(NullPointerException.class);
    }
}
