package io.zgnode.runtime.keys;

import java.nio.file.Path;

import io.zgnode.runtime.cli.ClientCommand;
import io.zgnode.runtime.cli.Output;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code zgnode keys import --out FILE (--private-key-file F | --mnemonic-file F [--index N])}. */
@Command(name = "import", description = "Write a key file for an existing account: a raw private key (64 hex digits),"
        + " or a BIP-39 mnemonic's account m/44'/60'/0'/0/N; JSON: {\"address\", \"file\"[, \"derivationPath\"]}.")
final class ImportKeyCommand extends ClientCommand {

    @Mixin
    NewKeyFileOptions options = new NewKeyFileOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--private-key-file", required = true, paramLabel = "FILE",
                description = "a file whose first line is the private key in hex (with or without 0x)")
        Path privateKeyFile;

        @ArgGroup(exclusive = false)
        MnemonicSource mnemonic;
    }

    static final class MnemonicSource {
        @Option(names = "--mnemonic-file", required = true, paramLabel = "FILE", description = "a file holding a BIP-39 mnemonic (12 to 24 words)")
        Path file;

        @Option(names = "--index", paramLabel = "N", defaultValue = "0", description = "the account m/44'/60'/0'/0/N of the mnemonic (default: 0)")
        long index;
    }

    @Override
    protected void run(Output output) {
        if (source.privateKeyFile != null) {
            KeyFileWriter.importPrivateKey(output, options, source.privateKeyFile);
        } else {
            KeyFileWriter.importMnemonic(output, options, source.mnemonic.file, source.mnemonic.index);
        }
    }
}
