package io.zgnode.runtime.cli;

import picocli.CommandLine.Command;

/** {@code zgnode client ...}, as the launcher sees it: the commands themselves are in {@link ClientCommands}. */
@Command(name = "client", description = "Talk to a node over JSON-RPC (--rpc URL): block-number, balance;"
        + " a file's storage root, offline: root; files on the storage network: upload, download;"
        + " data-availability blobs: da-submit, da-get, da-sample."
        + " See zgnode client --help.")
public final class ClientGroup extends LazyGroup {

    @Override
    protected Object commands() {
        return new ClientCommands();
    }
}
