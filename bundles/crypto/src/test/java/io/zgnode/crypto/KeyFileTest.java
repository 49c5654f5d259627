package io.zgnode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyFileTest {
    private static final String PASSWORD = "testpassword";
    private static final String KEY = "0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
    private static final String ID = "3198bc9c-6672-5ab3-d995-4942343ae5b6";

    /** The PBKDF2-SHA-256 test vector of the Web3 Secret Storage Definition. */
    private static final KeyFile PBKDF2_VECTOR = new KeyFile(null, new KeyFile.Crypto(
            "aes-128-ctr",
            "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
            new KeyFile.CipherParams("6087dab2f9fdbbfaddc31a909735c1e6"),
            "pbkdf2",
            KeyFile.KdfParams.pbkdf2(262144, 32, "hmac-sha256", "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"),
            "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"), ID, 3);

    /** The scrypt test vector of the Web3 Secret Storage Definition. */
    private static final KeyFile SCRYPT_VECTOR = new KeyFile(null, new KeyFile.Crypto(
            "aes-128-ctr",
            "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
            new KeyFile.CipherParams("83dbcc02d8ccb40e466191a123791e0e"),
            "scrypt",
            KeyFile.KdfParams.scrypt(262144, 1, 8, 32, "ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"),
            "2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"), ID, 3);

    private final SecureRandom random = new SecureRandom();
    private final PrivateKey key = PrivateKey.of(Hex.decode(KEY));
    private final KeyFile light = KeyFile.encrypt(key, PASSWORD, KeyFile.ScryptCost.LIGHT, random);

    @Test
    void decryptsThePbkdf2Vector() throws Exception {
        PrivateKey decrypted = PBKDF2_VECTOR.decrypt(PASSWORD);
        assertThat(Hex.encode(decrypted.bytes())).isEqualTo(KEY);
        assertThat(Hex.encode(decrypted.address())).isEqualTo("0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b");
    }

    @Test
    void decryptsTheScryptVector() throws Exception {
        assertThat(Hex.encode(SCRYPT_VECTOR.decrypt(PASSWORD).bytes())).isEqualTo(KEY);
    }

    @Test
    void wrongPasswordIsReportedAsSuch() {
        assertThatThrownBy(() -> PBKDF2_VECTOR.decrypt("testpassword2"))
                .isInstanceOf(KeyFileException.class)
                .hasMessage("wrong password or corrupt key file");
        assertThatThrownBy(() -> light.decrypt("")).hasMessage("wrong password or corrupt key file");
    }

    @Test
    void writesAV3FileThatDecryptsToTheKey() throws Exception {
        KeyFile.Crypto crypto = light.crypto();
        assertThat(light.version()).isEqualTo(3);
        assertThat(light.address()).isEqualTo("008aeeda4d805471df9b2a5b0f38a0c3bcba786b");
        assertThat(UUID.fromString(light.id()).version()).isEqualTo(4);
        assertThat(crypto.cipher()).isEqualTo("aes-128-ctr");
        assertThat(crypto.kdf()).isEqualTo("scrypt");
        assertThat(crypto.kdfparams()).isEqualTo(new KeyFile.KdfParams(null, 32, 4096, 6, null, 8, crypto.kdfparams().salt()));
        assertThat(crypto.kdfparams().salt()).matches("[0-9a-f]{64}");
        assertThat(crypto.cipherparams().iv()).matches("[0-9a-f]{32}");
        assertThat(crypto.ciphertext()).matches("[0-9a-f]{64}");
        assertThat(crypto.mac()).matches("[0-9a-f]{64}");

        assertThat(light.decrypt(PASSWORD)).isEqualTo(key);
    }

    @Test
    void eachEncryptionHasItsOwnSaltIvAndId() {
        KeyFile again = KeyFile.encrypt(key, PASSWORD, KeyFile.ScryptCost.LIGHT, random);
        assertThat(again.crypto().kdfparams().salt()).isNotEqualTo(light.crypto().kdfparams().salt());
        assertThat(again.crypto().cipherparams().iv()).isNotEqualTo(light.crypto().cipherparams().iv());
        assertThat(again.crypto().ciphertext()).isNotEqualTo(light.crypto().ciphertext());
        assertThat(again.id()).isNotEqualTo(light.id());
    }

    @Test
    void standardCostIsGethsDefault() {
        KeyFile.ScryptCost standard = KeyFile.ScryptCost.STANDARD;
        assertThat(new int[] {standard.n(), standard.r(), standard.p()}).containsExactly(262144, 8, 1);
    }

    @Test
    void aTamperedCiphertextFailsTheMacBeforeDecryption() {
        char flipped = light.crypto().ciphertext().charAt(0) == '0' ? '1' : '0';
        KeyFile tampered = withCrypto(light, c -> new KeyFile.Crypto(
                c.cipher(), flipped + c.ciphertext().substring(1), c.cipherparams(), c.kdf(), c.kdfparams(), c.mac()));
        assertThatThrownBy(() -> tampered.decrypt(PASSWORD)).hasMessage("wrong password or corrupt key file");
    }

    @Test
    void checksTheAddressTheFileNames() throws Exception {
        KeyFile prefixedUpperCase = new KeyFile("0x008AEEDA4D805471DF9B2A5B0F38A0C3BCBA786B", light.crypto(), light.id(), 3);
        assertThat(prefixedUpperCase.decrypt(PASSWORD)).isEqualTo(key);
        KeyFile noAddress = new KeyFile(null, light.crypto(), light.id(), 3);
        assertThat(noAddress.decrypt(PASSWORD)).isEqualTo(key);

        KeyFile otherAddress = new KeyFile("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", light.crypto(), light.id(), 3);
        assertThatThrownBy(() -> otherAddress.decrypt(PASSWORD))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("belongs to 0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b");
    }

    @Test
    void refusesUnsupportedVersionsCiphersKdfsAndPrfs() {
        assertRefused(new KeyFile(light.address(), light.crypto(), light.id(), 1), "unsupported key file version 1");
        assertRefused(withCrypto(light, c -> new KeyFile.Crypto(
                "aes-128-cbc", c.ciphertext(), c.cipherparams(), c.kdf(), c.kdfparams(), c.mac())), "unsupported cipher");
        assertRefused(withCrypto(light, c -> new KeyFile.Crypto(
                c.cipher(), c.ciphertext(), c.cipherparams(), "argon2", c.kdfparams(), c.mac())), "unsupported kdf \"argon2\"");
        assertRefused(withCrypto(PBKDF2_VECTOR, c -> new KeyFile.Crypto(c.cipher(), c.ciphertext(), c.cipherparams(), c.kdf(),
                KeyFile.KdfParams.pbkdf2(262144, 32, "hmac-sha512", c.kdfparams().salt()), c.mac())), "unsupported pbkdf2 prf");
    }

    @Test
    void refusesParametersTooCostlyToHonour() {
        String salt = light.crypto().kdfparams().salt();
        assertRefused(withKdfParams(light, KeyFile.KdfParams.scrypt(1 << 20, 8, 1, 32, salt)), "exceed the supported cost");
        assertRefused(withKdfParams(light, KeyFile.KdfParams.scrypt(1 << 18, 8, 8, 32, salt)), "exceed the supported cost");
        assertRefused(withKdfParams(light, KeyFile.KdfParams.scrypt(1000, 8, 1, 32, salt)), "invalid scrypt parameters");
        assertRefused(withKdfParams(PBKDF2_VECTOR, KeyFile.KdfParams.pbkdf2(Integer.MAX_VALUE, 32, "hmac-sha256", salt)),
                "pbkdf2 round count");
        assertRefused(withKdfParams(light, KeyFile.KdfParams.scrypt(4096, 8, 6, 16, salt)), "kdfparams.dklen 16");
    }

    @Test
    void namesMissingAndMalformedFields() {
        assertRefused(new KeyFile(null, null, ID, 3), "crypto is missing");
        assertRefused(withCrypto(light, c -> new KeyFile.Crypto(
                c.cipher(), c.ciphertext(), c.cipherparams(), c.kdf(), c.kdfparams(), null)), "crypto.mac is missing");
        assertRefused(withCrypto(light, c -> new KeyFile.Crypto(
                c.cipher(), c.ciphertext(), new KeyFile.CipherParams("00"), c.kdf(), c.kdfparams(), c.mac())), "iv must be 16 bytes");
        assertRefused(withCrypto(light, c -> new KeyFile.Crypto(
                c.cipher(), "zz", c.cipherparams(), c.kdf(), c.kdfparams(), c.mac())), "crypto.ciphertext is not hex");
        assertRefused(withKdfParams(light, new KeyFile.KdfParams(null, 32, null, 6, null, 8, "00")), "kdfparams.n is missing");
    }

    private static void assertRefused(KeyFile file, String message) {
        assertThatThrownBy(() -> file.decrypt(PASSWORD)).isInstanceOf(KeyFileException.class).hasMessageContaining(message);
    }

    private static KeyFile withKdfParams(KeyFile file, KeyFile.KdfParams params) {
        return withCrypto(file, c -> new KeyFile.Crypto(c.cipher(), c.ciphertext(), c.cipherparams(), c.kdf(), params, c.mac()));
    }

    private static KeyFile withCrypto(KeyFile file, java.util.function.UnaryOperator<KeyFile.Crypto> change) {
        return new KeyFile(file.address(), change.apply(file.crypto()), file.id(), file.version());
    }
}
