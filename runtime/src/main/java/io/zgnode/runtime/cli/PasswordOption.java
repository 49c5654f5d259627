package io.zgnode.runtime.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --password-file FILE}, for every command that reads or writes a key file. Without it the
 * password comes from {@code ZGNODE_PASSWORD} or a prompt: see {@link Passwords}.
 */
public final class PasswordOption {

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "the key file's password: the first line of FILE (default: $" + Passwords.ENVIRONMENT_VARIABLE + ", else a prompt)")
    Path passwordFile;

    public PasswordOption() {
    }

    public PasswordOption(Path passwordFile) {
        this.passwordFile = passwordFile;
    }

    /** The file given, or null. */
    public Path passwordFile() {
        return passwordFile;
    }
}
