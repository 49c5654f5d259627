package io.zgnode.runtime.cli;

import java.nio.file.Path;

import io.zgnode.crypto.PrivateKey;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --key KEYFILE [--password-file FILE]}: the account a client command signs with, e.g.
 * {@code zgnode client upload --key k.json}. {@link #load()} decrypts it as {@link KeyFiles#load} does.
 */
public final class KeyOption {

    @Option(names = "--key", paramLabel = "KEYFILE", required = true, description = "the account's encrypted key file (see zgnode keys new)")
    Path keyFile;

    @Mixin
    PasswordOption password = new PasswordOption();

    public Path keyFile() {
        return keyFile;
    }

    public PasswordOption password() {
        return password;
    }

    /** The decrypted key; a missing file, no password or a wrong one is a {@link io.zgnode.runtime.UserError}. */
    public PrivateKey load() {
        return KeyFiles.load(keyFile, password);
    }
}
