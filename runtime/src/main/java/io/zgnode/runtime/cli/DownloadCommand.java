package io.zgnode.runtime.cli;

import java.nio.file.Path;

import io.zgnode.api.chain.Hash;
import io.zgnode.runtime.UserError;
import io.zgnode.runtime.cli.storage.FileDownload;
import io.zgnode.runtime.cli.storage.StorageNetwork;
import io.zgnode.runtime.cli.storage.StorageNodeClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zgnode client download ROOT --out FILE}: fetches a file from the storage network with our
 * own client ({@link FileDownload}), every segment's proof checked against ROOT, written atomically.
 */
@Command(name = "download", description = "Fetch a stored file by its root from the storage nodes that hold it, check every segment's"
        + " Merkle proof against ROOT (a node that sends a bad one is named and passed over), and write the file atomically:"
        + " FILE is the whole verified file, or is not written. JSON: {\"root\", \"size\", \"segments\", \"out\"}.")
public final class DownloadCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "ROOT", description = "the file's root: 0x and 64 hex digits (see zgnode client root)")
    String root;

    @Mixin
    RpcOption rpc = new RpcOption();

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "where to write the file; its folder must exist")
    Path out;

    @Option(names = "--force", description = "replace FILE if it exists")
    boolean force;

    @Override
    protected void run(Output output) throws Exception {
        Hash fileRoot = parseRoot(root);
        FileDownload.checkTarget(out, force);
        StorageNetwork network = new StorageNetwork(new StorageNodeClient(rpc.client()));
        FileDownload.Result result = new FileDownload(network, warning -> {
            spec.commandLine().getErr().println("zgnode: warning: " + warning);
            spec.commandLine().getErr().flush();
        }).download(fileRoot, out, force);

        output.line("root:     %s", result.root());
        output.line("size:     %d bytes, %d segment%s, every proof checked", result.size(), result.segments(), result.segments() == 1 ? "" : "s");
        output.line("out:      %s", result.out());
        output.json(new Result(result.root().toString(), result.size(), result.segments(), result.out().toString()));
    }

    static Hash parseRoot(String text) {
        try {
            return Hash.of(text.strip());
        } catch (IllegalArgumentException e) {
            throw new UserError("ROOT " + text + " is not a file root: 0x and 64 hex digits");
        }
    }

    /** The JSON object, its keys in this order. */
    record Result(String root, long size, int segments, String out) {
    }
}
