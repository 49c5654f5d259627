package io.zgnode.runtime.devnet;

import io.zgnode.runtime.cli.LazyGroup;
import picocli.CommandLine.Command;

/** {@code zgnode devnet ...}, as the launcher sees it: the command itself is {@link DevnetCommand}. */
@Command(name = "devnet", description = "Run a local network of validator nodes on loopback (zgnode devnet --nodes N --dir DIR). See zgnode devnet --help.")
public final class DevnetGroup extends LazyGroup {

    @Override
    protected Object commands() {
        return new DevnetCommand();
    }
}
