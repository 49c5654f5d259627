package io.zgnode.runtime.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.runtime.cli.Cli;
import io.zgnode.runtime.cli.Cli.Result;
import io.zgnode.runtime.cli.Passwords;

/** {@code zgnode keys ...} run in-process through Main.run, as a user runs them. */
class KeysCommandsTest {

    private static final String HARDHAT_MNEMONIC = "test test test test test test test test test test test junk";
    private static final String HARDHAT_ACCOUNT_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final String HARDHAT_KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static final String HARDHAT_ACCOUNT_1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @TempDir
    Path directory;

    private Path passwordFile;
    private Path keyFile;

    @BeforeEach
    void files() throws Exception {
        passwordFile = Files.writeString(directory.resolve("password"), "correct horse\n");
        keyFile = directory.resolve("key.json");
    }

    private Result run(String... args) {
        return Cli.run(args);
    }

    @Test
    void newThenShowRoundTrips() throws Exception {
        Result created = run("keys", "new", "--out", keyFile.toString(), "--password-file", passwordFile.toString(), "--light");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.err()).isEmpty();
        assertThat(created.out()).matches("Address:  0x[0-9a-fA-F]{40}\nKey file: " + keyFile.toAbsolutePath() + "\n");
        String address = created.out().substring("Address:  ".length(), "Address:  ".length() + 42);

        Result shown = run("keys", "show", keyFile.toString(), "--password-file", passwordFile.toString());
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out()).isEqualTo("Address:     " + address + "\n");

        Result withKey = run("keys", "show", keyFile.toString(), "--password-file", passwordFile.toString(), "--private");
        assertThat(withKey.out()).matches("Address:     " + address + "\nPrivate key: 0x[0-9a-f]{64}\n");

        JsonNode file = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(keyFile));
        assertThat(file.get("address").asText()).isEqualTo(address.substring(2).toLowerCase());
        assertThat(file.at("/crypto/kdfparams/n").asInt()).isEqualTo(4096);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    @Test
    void jsonOutputsAreExactlyOneObjectWithTheDocumentedFields() {
        JsonNode created = run("keys", "new", "--out", keyFile.toString(), "--password-file", passwordFile.toString(), "--light", "--json").json();
        assertThat(created.fieldNames()).toIterable().containsExactly("address", "file");
        assertThat(created.get("address").asText()).matches("0x[0-9a-fA-F]{40}");
        assertThat(created.get("file").asText()).isEqualTo(keyFile.toAbsolutePath().toString());

        JsonNode shown = run("keys", "show", keyFile.toString(), "--password-file", passwordFile.toString(), "--json").json();
        assertThat(shown.fieldNames()).toIterable().containsExactly("address", "file");
        assertThat(shown.get("address")).isEqualTo(created.get("address"));

        JsonNode withKey = run("keys", "show", keyFile.toString(), "--password-file", passwordFile.toString(), "--json", "--private").json();
        assertThat(withKey.fieldNames()).toIterable().containsExactly("address", "file", "privateKey");
        assertThat(withKey.get("privateKey").asText()).matches("0x[0-9a-f]{64}");
    }

    @Test
    void byDefaultANewKeyFileHasGethsStandardScryptCost() throws Exception {
        JsonNode created = run("keys", "new", "--out", keyFile.toString(), "--password-file", passwordFile.toString(), "--json").json();
        JsonNode file = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(keyFile));
        assertThat(file.at("/crypto/kdfparams").toString()).matches("\\{\"dklen\":32,\"n\":262144,\"p\":1,\"r\":8,\"salt\":\"[0-9a-f]{64}\"}");
        assertThat(file.at("/crypto/kdf").asText()).isEqualTo("scrypt");
        assertThat(file.at("/crypto/cipher").asText()).isEqualTo("aes-128-ctr");
        assertThat(file.get("version").asInt()).isEqualTo(3);
        assertThat("0x" + file.get("address").asText()).isEqualToIgnoringCase(created.get("address").asText());
    }

    @Test
    void refusesToOverwriteAnExistingFileUnlessForced() throws Exception {
        Files.writeString(keyFile, "precious");
        String error = run("keys", "new", "--out", keyFile.toString(), "--password-file", passwordFile.toString(), "--light").failure(1);
        assertThat(error).isEqualTo("zgnode: " + keyFile.toAbsolutePath() + " exists; give --force to overwrite it");
        assertThat(Files.readString(keyFile)).isEqualTo("precious");

        JsonNode forced = run("keys", "new", "--out", keyFile.toString(), "--password-file", passwordFile.toString(), "--light", "--force", "--json").json();
        assertThat(forced.get("file").asText()).isEqualTo(keyFile.toAbsolutePath().toString());
        assertThat(Files.readString(keyFile)).startsWith("{\"address\":");
    }

    @Test
    void wrongPasswordOrNoPassword() throws Exception {
        assertThat(run("keys", "new", "--out", keyFile.toString(), "--password-file", passwordFile.toString(), "--light").exitCode()).isZero();
        Path wrong = Files.writeString(directory.resolve("wrong"), "incorrect horse\n");
        assertThat(run("keys", "show", keyFile.toString(), "--password-file", wrong.toString(), "--json").failure(1))
                .isEqualTo("zgnode: wrong password or corrupt key file " + keyFile);
        assertThat(run("keys", "show", keyFile.toString()).failure(1))
                .isEqualTo("zgnode: no password: give --password-file FILE or set ZGNODE_PASSWORD");
        assertThat(run("keys", "new", "--out", directory.resolve("other.json").toString(), "--light").failure(1))
                .isEqualTo("zgnode: no password: give --password-file FILE or set ZGNODE_PASSWORD");
        assertThat(directory.resolve("other.json")).doesNotExist();
    }

    @Test
    void thePasswordComesFromTheFileThenTheEnvironmentThenThePrompt() throws Exception {
        Map<String, String> env = Map.of(Passwords.ENVIRONMENT_VARIABLE, "from env");
        assertThat(Cli.run(env, "keys", "new", "--out", keyFile.toString(), "--light").exitCode()).isZero();
        assertThat(Cli.run(env, "keys", "show", keyFile.toString()).exitCode()).isZero();
        // the file wins over the environment
        assertThat(Cli.run(env, "keys", "show", keyFile.toString(), "--password-file", passwordFile.toString()).failure(1))
                .startsWith("zgnode: wrong password");
        // no file, no environment: the terminal
        try (Passwords.Restore restore = Passwords.replace(new Passwords(Map.<String, String>of()::get, question -> "from env" /* typed at the prompt */))) {
            assertThat(Cli.runAsIs("keys", "show", keyFile.toString(), "--json").json().get("address").asText()).startsWith("0x");
        }
        try (Passwords.Restore restore = Passwords.replace(new Passwords(Map.<String, String>of()::get, question -> "typo"))) {
            assertThat(Cli.runAsIs("keys", "show", keyFile.toString()).failure(1)).startsWith("zgnode: wrong password");
        }
    }

    @Test
    void importsTheHardhatAccountsFromTheirMnemonic() throws Exception {
        Path mnemonic = Files.writeString(directory.resolve("mnemonic"), "  " + HARDHAT_MNEMONIC.replace(" junk", "\n junk") + "\n");
        JsonNode first = run("keys", "import", "--out", keyFile.toString(), "--mnemonic-file", mnemonic.toString(),
                "--password-file", passwordFile.toString(), "--light", "--json").json();
        assertThat(first.get("address").asText()).isEqualTo(HARDHAT_ACCOUNT_0);
        assertThat(first.get("file").asText()).isEqualTo(keyFile.toAbsolutePath().toString());
        assertThat(first.get("derivationPath").asText()).isEqualTo("m/44'/60'/0'/0/0");
        assertThat(run("keys", "show", keyFile.toString(), "--password-file", passwordFile.toString(), "--private", "--json").json()
                .get("privateKey").asText()).isEqualTo(HARDHAT_KEY_0);

        Path second = directory.resolve("second.json");
        Result text = run("keys", "import", "--out", second.toString(), "--mnemonic-file", mnemonic.toString(), "--index", "1",
                "--password-file", passwordFile.toString(), "--light");
        assertThat(text.out()).isEqualTo("Address:  " + HARDHAT_ACCOUNT_1 + "\nKey file: " + second.toAbsolutePath() + "\n");
    }

    @Test
    void importsARawPrivateKey() throws Exception {
        Path key = Files.writeString(directory.resolve("key.hex"), HARDHAT_KEY_0.substring(2).toUpperCase() + "\n");
        JsonNode imported = run("keys", "import", "--out", keyFile.toString(), "--private-key-file", key.toString(),
                "--password-file", passwordFile.toString(), "--light", "--json").json();
        assertThat(imported.fieldNames()).toIterable().containsExactly("address", "file");
        assertThat(imported.get("address").asText()).isEqualTo(HARDHAT_ACCOUNT_0);
    }

    @Test
    void badImportsAreOneLineErrors() throws Exception {
        Path notAKey = Files.writeString(directory.resolve("bad.hex"), "0x1234\n");
        assertThat(run("keys", "import", "--out", keyFile.toString(), "--private-key-file", notAKey.toString(),
                "--password-file", passwordFile.toString(), "--light").failure(1))
                .isEqualTo("zgnode: private key file " + notAKey + " does not hold a private key (its first line must be 64 hex digits, with or without 0x)");
        Path zero = Files.writeString(directory.resolve("zero.hex"), "00".repeat(32));
        assertThat(run("keys", "import", "--out", keyFile.toString(), "--private-key-file", zero.toString(),
                "--password-file", passwordFile.toString(), "--light").failure(1)).startsWith("zgnode: private key file " + zero + ": ");
        Path shortMnemonic = Files.writeString(directory.resolve("short"), "test test junk");
        assertThat(run("keys", "import", "--out", keyFile.toString(), "--mnemonic-file", shortMnemonic.toString(),
                "--password-file", passwordFile.toString(), "--light").failure(1))
                .isEqualTo("zgnode: mnemonic file " + shortMnemonic + " holds 3 words; a BIP-39 mnemonic has 12, 15, 18, 21 or 24");
        assertThat(run("keys", "import", "--out", keyFile.toString(), "--mnemonic-file", shortMnemonic.toString(), "--index", "-1",
                "--password-file", passwordFile.toString()).failure(1)).isEqualTo("zgnode: --index -1 is not an account index (0 to 2147483647)");
        assertThat(keyFile).doesNotExist();
    }

    @Test
    void usageErrorsExitWith2AndOneLine() {
        assertThat(run("keys").failure(2)).isEqualTo("zgnode: missing command: give one of new, show, import, validator (see zgnode keys --help)");
        assertThat(run("keys", "new").failure(2)).isEqualTo("zgnode: Missing required option: '--out=FILE' (see zgnode keys new --help)");
        assertThat(run("keys", "import", "--out", "x.json").failure(2)).startsWith("zgnode: Missing required argument");
        assertThat(run("keys", "import", "--out", "x.json", "--private-key-file", "a", "--mnemonic-file", "b").failure(2))
                .contains("mutually exclusive");
        assertThat(run("keys", "show").failure(2)).startsWith("zgnode: Missing required parameter: 'FILE'");
        assertThat(run("keys", "frobnicate").failure(2)).startsWith("zgnode: Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void helpIsPrintedOnStdout() {
        Result help = run("keys", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: zgnode keys ").contains("new", "show", "import");
        Result newHelp = run("keys", "new", "--help");
        assertThat(newHelp.out()).startsWith("Usage: zgnode keys new ").contains("--password-file", "--light", "--force", "--json");
    }

    @Test
    void aValidatorKeyIsAnEd25519KeyFileReadableByItsOwnerOnlyAndNeverOverwritten() throws Exception {
        Path validator = directory.resolve("validator.json");
        var printed = run("keys", "validator", "--out", validator.toString(), "--json").json();
        var file = new com.fasterxml.jackson.databind.ObjectMapper().readTree(validator.toFile());
        assertThat(file.get("type").asText()).isEqualTo("ed25519");
        assertThat(file.get("publicKey").asText()).isEqualTo(printed.get("publicKey").asText()).hasSize(66);
        assertThat(io.zgnode.crypto.Ed25519.fromSeed(io.zgnode.crypto.Hex.decode(file.get("privateKey").asText())).publicKey().bytes())
                .isEqualTo(io.zgnode.crypto.Hex.decode(printed.get("publicKey").asText()));
        assertThat(java.nio.file.Files.getPosixFilePermissions(validator)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(run("keys", "validator", "--out", validator.toString()).failure(1)).contains("is never overwritten");
    }
}
