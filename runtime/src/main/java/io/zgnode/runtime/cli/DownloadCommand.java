package io.zgnode.runtime.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
 * {@code zgnode client download ROOT[,ROOT...] --out FILE}: fetches a stored file with our own
 * client ({@link FileDownload}), every segment's proof checked against its root, written
 * atomically; a file stored in fragments is fetched by their roots in order and put together.
 */
@Command(name = "download", description = "Fetch a stored file by its root from the storage nodes that hold it, check every segment's"
        + " Merkle proof against ROOT (a node that sends a bad one is named and passed over), and write the file atomically:"
        + " FILE is the whole verified file, or is not written. A file uploaded in fragments is fetched by their roots, comma-separated"
        + " in order, and written as one file. JSON: {\"root\", \"size\", \"segments\", \"out\"}; for several roots {\"roots\": [ROOT], \"size\","
        + " \"segments\", \"out\"}.")
public final class DownloadCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "ROOT[,ROOT...]",
            description = "the file's root, or the roots of its fragments in order: 0x and 64 hex digits each (see zgnode client root)")
    String root;

    @Mixin
    RpcOption rpc = new RpcOption();

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "where to write the file; its folder must exist")
    Path out;

    @Option(names = "--force", description = "replace FILE if it exists")
    boolean force;

    @Override
    protected void run(Output output) throws Exception {
        List<Hash> roots = parseRoots(root);
        FileDownload.checkTarget(out, force);
        StorageNetwork network = new StorageNetwork(new StorageNodeClient(rpc.client()));
        FileDownload.Result result = new FileDownload(network, warning -> {
            spec.commandLine().getErr().println("zgnode: warning: " + warning);
            spec.commandLine().getErr().flush();
        }).download(roots, out, force);

        String segments = result.segments() + " segment" + (result.segments() == 1 ? "" : "s");
        if (roots.size() == 1) {
            output.line("root:     %s", roots.get(0));
            output.line("size:     %d bytes, %s, every proof checked", result.size(), segments);
            output.line("out:      %s", result.out());
            output.json(new Result(roots.get(0).toString(), result.size(), result.segments(), result.out().toString()));
            return;
        }
        List<String> hex = roots.stream().map(Hash::toString).toList();
        output.line("roots:    %s", String.join(",", hex));
        output.line("size:     %d bytes, %s in %d fragments, every proof checked", result.size(), segments, roots.size());
        output.line("out:      %s", result.out());
        output.json(new FragmentsResult(hex, result.size(), result.segments(), result.out().toString()));
    }

    /** {@code ROOT} or {@code ROOT,ROOT,...}, each 0x and 64 hex digits. */
    static List<Hash> parseRoots(String text) {
        List<Hash> roots = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            roots.add(parseRoot(part));
        }
        return roots;
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

    /** The JSON object for a file fetched in fragments. */
    record FragmentsResult(List<String> roots, long size, int segments, String out) {
    }
}
