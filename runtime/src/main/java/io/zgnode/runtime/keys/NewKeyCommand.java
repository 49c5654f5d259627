package io.zgnode.runtime.keys;

import io.zgnode.runtime.cli.ClientCommand;
import io.zgnode.runtime.cli.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code zgnode keys new --out FILE}: a new random account in a new key file. */
@Command(name = "new", description = "Create a random account key and write it to an encrypted key file (Ethereum keystore v3, scrypt);"
        + " prints its address and the file; JSON: {\"address\", \"file\"}.")
final class NewKeyCommand extends ClientCommand {

    @Mixin
    NewKeyFileOptions options = new NewKeyFileOptions();

    @Override
    protected void run(Output output) {
        KeyFileWriter.createRandom(output, options);
    }
}
