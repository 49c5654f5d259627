package io.zgnode.runtime.keys;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zgnode.runtime.cli.ClientCommand;
import io.zgnode.runtime.cli.Output;
import io.zgnode.runtime.cli.PasswordOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zgnode keys show FILE}: decrypts a key file and prints its address (and key, if asked). */
@Command(name = "show", description = "Decrypt a key file and print its address (the private key only with --private);"
        + " JSON: {\"address\", \"file\"[, \"privateKey\"]}.")
final class ShowKeyCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "the key file")
    Path file;

    @Option(names = "--private", description = "also print the private key (hex): anyone who sees it owns the account")
    boolean showPrivate;

    @Mixin
    PasswordOption password = new PasswordOption();

    @Override
    protected void run(Output output) {
        KeySources.Shown shown = KeySources.show(file, password);
        output.line("Address:     %s", shown.address());
        if (showPrivate) {
            output.line("Private key: %s", shown.privateKey());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", shown.address());
        json.put("file", file.toAbsolutePath().normalize().toString());
        if (showPrivate) {
            json.put("privateKey", shown.privateKey());
        }
        output.json(json);
    }
}
