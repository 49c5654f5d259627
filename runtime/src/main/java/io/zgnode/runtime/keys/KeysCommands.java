package io.zgnode.runtime.keys;

import io.zgnode.runtime.cli.LazyGroup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code zgnode keys ...}: encrypted account key files. */
@Command(name = "keys", mixinStandardHelpOptions = true, versionProvider = io.zgnode.runtime.cli.Version.class,
        description = "Create, show and import encrypted account key files (Ethereum keystore v3)."
        + " The password: --password-file FILE, else $ZGNODE_PASSWORD, else a prompt.",
        subcommands = {NewKeyCommand.class, ShowKeyCommand.class, ImportKeyCommand.class, NewValidatorKeyCommand.class, CommandLine.HelpCommand.class})
public final class KeysCommands implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw LazyGroup.missingCommand(spec);
    }
}
