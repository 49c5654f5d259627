package io.zgnode.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.crypto.Hex;
import io.zgnode.runtime.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The mixin later client commands sign with: {@code --key KEYFILE [--password-file FILE]}. */
class KeyOptionTest {

    @TempDir
    Path directory;

    @Command(name = "sign")
    static final class SignCommand {
        @Mixin
        KeyOption key = new KeyOption();
    }

    @Test
    void loadsTheKeyWithThePasswordOfTheSharedPlumbing() throws Exception {
        Path keyFile = Files.writeString(directory.resolve("vector.json"), KeyFilesTest.PBKDF2_VECTOR);
        Path passwordFile = Files.writeString(directory.resolve("password"), KeyFilesTest.VECTOR_PASSWORD + "\n");
        SignCommand command = new SignCommand();
        new CommandLine(command).parseArgs("--key", keyFile.toString(), "--password-file", passwordFile.toString());

        try (Passwords.Restore restore = Passwords.replace(new Passwords(Map.<String, String>of()::get, null))) {
            assertThat(Hex.encode(command.key.load().bytes())).isEqualTo(KeyFilesTest.VECTOR_KEY);
        }
        SignCommand fromEnvironment = new SignCommand();
        new CommandLine(fromEnvironment).parseArgs("--key", keyFile.toString());
        try (Passwords.Restore restore = Passwords.replace(new Passwords(Map.of(Passwords.ENVIRONMENT_VARIABLE, "nope")::get, null))) {
            assertThatThrownBy(fromEnvironment.key::load).isInstanceOf(UserError.class).hasMessage("wrong password or corrupt key file " + keyFile);
        }
        assertThatThrownBy(() -> new CommandLine(new SignCommand()).parseArgs()).isInstanceOf(CommandLine.MissingParameterException.class);
    }
}
