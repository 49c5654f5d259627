package io.zgnode.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.crypto.Hex;
import io.zgnode.crypto.KeyFile;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.runtime.UserError;

class KeyFilesTest {

    /** The scrypt test vector of the Web3 Secret Storage Definition, as the specification prints it. */
    static final String SCRYPT_VECTOR = """
            {
                "crypto" : {
                    "cipher" : "aes-128-ctr",
                    "cipherparams" : {
                        "iv" : "83dbcc02d8ccb40e466191a123791e0e"
                    },
                    "ciphertext" : "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
                    "kdf" : "scrypt",
                    "kdfparams" : {
                        "dklen" : 32,
                        "n" : 262144,
                        "p" : 8,
                        "r" : 1,
                        "salt" : "ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"
                    },
                    "mac" : "2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"
                },
                "id" : "3198bc9c-6672-5ab3-d995-4942343ae5b6",
                "version" : 3
            }
            """;

    /** The PBKDF2-SHA-256 test vector of the same specification. */
    static final String PBKDF2_VECTOR = """
            {
                "crypto" : {
                    "cipher" : "aes-128-ctr",
                    "cipherparams" : {
                        "iv" : "6087dab2f9fdbbfaddc31a909735c1e6"
                    },
                    "ciphertext" : "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
                    "kdf" : "pbkdf2",
                    "kdfparams" : {
                        "c" : 262144,
                        "dklen" : 32,
                        "prf" : "hmac-sha256",
                        "salt" : "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"
                    },
                    "mac" : "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"
                },
                "id" : "3198bc9c-6672-5ab3-d995-4942343ae5b6",
                "version" : 3
            }
            """;

    static final String VECTOR_PASSWORD = "testpassword";
    static final String VECTOR_KEY = "0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
    static final String VECTOR_ADDRESS = "0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b";

    @TempDir
    Path directory;

    private Passwords.Restore passwords;

    @BeforeEach
    void noEnvironmentNoTerminal() {
        passwords = Passwords.replace(new Passwords(Map.<String, String>of()::get, null));
    }

    @AfterEach
    void restore() {
        passwords.close();
    }

    private PasswordOption password(String password) throws Exception {
        Path file = directory.resolve("password-" + System.nanoTime());
        Files.writeString(file, password + "\n");
        return new PasswordOption(file);
    }

    @Test
    void theSpecificationsTestVectorsDecryptThroughTheLoader() throws Exception {
        for (String vector : new String[] {SCRYPT_VECTOR, PBKDF2_VECTOR}) {
            Path file = directory.resolve("vector.json");
            Files.writeString(file, vector);
            PrivateKey key = KeyFiles.load(file, password(VECTOR_PASSWORD));
            assertThat(Hex.encode(key.bytes())).isEqualTo(VECTOR_KEY);
            assertThat(Addresses.toChecksumAddress(key.address())).isEqualTo(VECTOR_ADDRESS);
        }
    }

    @Test
    void aWrongPasswordNamesTheFile() throws Exception {
        Path file = directory.resolve("vector.json");
        Files.writeString(file, PBKDF2_VECTOR);
        PasswordOption wrong = password("testpassword2");
        assertThatThrownBy(() -> KeyFiles.load(file, wrong)).isInstanceOf(UserError.class)
                .hasMessage("wrong password or corrupt key file " + file);
    }

    @Test
    void whatIsNotAKeyFileIsOneClearError() throws Exception {
        PasswordOption any = password("x");
        Path notJson = Files.writeString(directory.resolve("notjson"), "hello");
        assertThatThrownBy(() -> KeyFiles.load(notJson, any)).isInstanceOf(UserError.class).hasMessageStartingWith(notJson + " is not a key file: ");
        Path empty = Files.writeString(directory.resolve("empty.json"), "{}");
        assertThatThrownBy(() -> KeyFiles.load(empty, any)).isInstanceOf(UserError.class)
                .hasMessage("key file " + empty + ": unsupported key file version 0 (only 3 is supported)");
        Path missing = directory.resolve("missing.json");
        assertThatThrownBy(() -> KeyFiles.load(missing, any)).isInstanceOf(UserError.class)
                .hasMessage("cannot read key file " + missing + ": no such file or directory");
    }

    @Test
    void readsFilesWithCapitalizedCryptoAsGethAndEthersWriteThem() throws Exception {
        Path file = directory.resolve("ethers.json");
        Files.writeString(file, PBKDF2_VECTOR.replace("\"crypto\"", "\"Crypto\"").replace("\"version\" : 3", "\"version\" : 3, \"x-ethers\" : {\"client\" : \"ethers\"}"));
        assertThat(Hex.encode(KeyFiles.load(file, password(VECTOR_PASSWORD)).bytes())).isEqualTo(VECTOR_KEY);
    }

    @Test
    void writesCompactGethJsonWithMode0600AndNoTemporaryFileLeft() throws Exception {
        PrivateKey key = PrivateKey.of(Hex.decode(VECTOR_KEY));
        KeyFile keyFile = KeyFile.encrypt(key, "pw", KeyFile.ScryptCost.LIGHT, new SecureRandom());
        Path written = KeyFiles.write(directory.resolve("sub/dir/key.json"), keyFile, false);

        assertThat(written).isEqualTo(directory.resolve("sub/dir/key.json").toAbsolutePath());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
        try (var listing = Files.list(written.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("key.json");
        }
        String json = Files.readString(written);
        assertThat(json).doesNotContain("\n", " ").startsWith("{\"address\":\"008aeeda4d805471df9b2a5b0f38a0c3bcba786b\",\"crypto\":{\"cipher\":\"aes-128-ctr\",\"ciphertext\":\"");
        JsonNode tree = Json.MAPPER.readTree(json);
        assertThat(tree.fieldNames()).toIterable().containsExactly("address", "crypto", "id", "version");
        assertThat(tree.get("crypto").fieldNames()).toIterable().containsExactly("cipher", "ciphertext", "cipherparams", "kdf", "kdfparams", "mac");
        assertThat(tree.at("/crypto/kdfparams").fieldNames()).toIterable().containsExactly("dklen", "n", "p", "r", "salt");
        assertThat(tree.get("version").isInt()).isTrue();
        assertThat(KeyFiles.decrypt(KeyFiles.read(written), "pw", written)).isEqualTo(key);
    }

    @Test
    void refusesToOverwriteUnlessForced() throws Exception {
        PrivateKey key = PrivateKey.random(new SecureRandom());
        KeyFile first = KeyFile.encrypt(key, "pw", KeyFile.ScryptCost.LIGHT, new SecureRandom());
        KeyFile second = KeyFile.encrypt(key, "other", KeyFile.ScryptCost.LIGHT, new SecureRandom());
        Path file = KeyFiles.write(directory.resolve("key.json"), first, false);
        String before = Files.readString(file);

        assertThatThrownBy(() -> KeyFiles.write(file, second, false)).isInstanceOf(UserError.class)
                .hasMessage(file + " exists; give --force to overwrite it");
        assertThat(Files.readString(file)).isEqualTo(before);
        try (var listing = Files.list(directory)) {
            assertThat(listing).hasSize(1);
        }

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        KeyFiles.write(file, second, true);
        assertThat(KeyFiles.decrypt(KeyFiles.read(file), "other", file)).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aDirectoryIsNotAKeyFileToWrite() {
        assertThatThrownBy(() -> KeyFiles.checkWritable(directory, true)).isInstanceOf(UserError.class).hasMessage(directory + " is a directory");
    }
}
