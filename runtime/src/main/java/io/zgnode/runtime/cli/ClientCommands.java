package io.zgnode.runtime.cli;

import io.zgnode.runtime.cli.da.DaGetCommand;
import io.zgnode.runtime.cli.da.DaSampleCommand;
import io.zgnode.runtime.cli.da.DaSubmitCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code zgnode client ...}: commands that talk to a node over JSON-RPC, and what a client computes offline. Add new client commands here. */
@Command(name = "client", mixinStandardHelpOptions = true, versionProvider = io.zgnode.runtime.cli.Version.class,
        description = "Talk to a node over JSON-RPC (--rpc URL, default $ZGNODE_RPC or " + RpcOption.DEFAULT_URL + "),"
                + " or compute what a client needs offline (root); store and fetch files on the storage network (upload, download); submit, retrieve and sample data-availability blobs"
                + " (da-submit, da-get, da-sample).",
        subcommands = {BlockNumberCommand.class, BalanceCommand.class, RootCommand.class, UploadCommand.class, DownloadCommand.class,
            DaSubmitCommand.class, DaGetCommand.class, DaSampleCommand.class, CommandLine.HelpCommand.class})
public final class ClientCommands implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw LazyGroup.missingCommand(spec);
    }
}
