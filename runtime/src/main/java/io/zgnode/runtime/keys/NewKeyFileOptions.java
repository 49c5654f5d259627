package io.zgnode.runtime.keys;

import java.nio.file.Path;

import io.zgnode.runtime.cli.PasswordOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of a command that writes a new key file. */
final class NewKeyFileOptions {

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the key file to write (mode 0600)")
    Path out;

    @Option(names = "--light", description = "cheap encryption (scrypt n=4096) for tests and throwaway keys; default: n=262144 as geth")
    boolean light;

    @Option(names = "--force", description = "overwrite FILE if it exists")
    boolean force;

    @Mixin
    PasswordOption password = new PasswordOption();
}
