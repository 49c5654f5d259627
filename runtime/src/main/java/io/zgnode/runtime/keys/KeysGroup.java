package io.zgnode.runtime.keys;

import io.zgnode.runtime.cli.LazyGroup;
import picocli.CommandLine.Command;

/** {@code zgnode keys ...}, as the launcher sees it: the commands themselves are in {@link KeysCommands}. */
@Command(name = "keys", description = "Create, show and import encrypted account key files (Ethereum keystore v3): new, show, import."
        + " See zgnode keys --help.")
public final class KeysGroup extends LazyGroup {

    @Override
    protected Object commands() {
        return new KeysCommands();
    }
}
