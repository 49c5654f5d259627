package io.zgnode.runtime.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.zgnode.crypto.PrivateKey;
import io.zgnode.runtime.cli.storage.FilePart;
import io.zgnode.runtime.cli.storage.FileUpload;
import io.zgnode.runtime.cli.storage.FlowContract;
import io.zgnode.runtime.cli.storage.Fragments;
import io.zgnode.runtime.cli.storage.StorageNetwork;
import io.zgnode.runtime.cli.storage.StorageNodeClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zgnode client upload FILE}: stores a file on the 0G storage network with our own client
 * ({@link FileUpload}): Flow.submit paid with the key's account, then the segments to nodes that
 * keep every shard; run again, it resumes where an interrupted upload stopped. A file larger than
 * the fragment size is stored as several entries, one after another ({@link Fragments}).
 */
@Command(name = "upload", description = "Store a file on the storage network: submit its entry to the Flow contract (paying sectors x"
        + " pricePerSector from the key's account), upload its segments to storage nodes keeping every shard N times, and wait until"
        + " they hold it. Run again after an interruption, it reuses the entry and uploads only to nodes that lack the file."
        + " A file larger than --fragment-size (4 GiB) is cut into fragments, each stored as its own entry with its own root;"
        + " download them together with zgnode client download ROOT,ROOT,... --rpc is a node serving eth_*, zgs_* and indexer_* (every devnet node);"
        + " JSON: {\"root\", \"txSeq\", \"txHash\" (null when an existing entry was used), \"size\", \"segments\", \"nodes\": [URL]},"
        + " for a file in fragments {\"roots\": [ROOT], \"size\", \"fragmentSize\", \"fragments\": [that object for each]}.")
public final class UploadCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "the file: at least 1 byte")
    Path file;

    @Mixin
    RpcOption rpc = new RpcOption();

    @Mixin
    KeyOption key = new KeyOption();

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "1", description = "how many nodes must keep each segment (default: 1)")
    int replicas = 1;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "how long to wait for the block, for the nodes to see the entry, and for them to hold the file, each (default: 300)")
    long timeoutSeconds = 300;

    @Mixin
    FragmentSizeOption fragmentSize = new FragmentSizeOption();

    @Override
    protected void run(Output output) throws Exception {
        if (replicas < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--replicas must be at least 1, got " + replicas);
        }
        if (timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be at least 1 second, got " + timeoutSeconds);
        }
        long fragment = fragmentSize.checked(spec);
        long size = FileTrees.checkedSize(file);
        List<FilePart> parts = Fragments.of(file, size, fragment);
        PrivateKey signer = key.load();
        RpcClient chain = rpc.client();
        StorageNetwork network = new StorageNetwork(new StorageNodeClient(chain));
        FlowContract flow = new FlowContract(chain, network.entry().flowAddress());
        FileUpload upload = new FileUpload(network, flow, new Transactions(chain, signer), Duration.ofSeconds(timeoutSeconds));

        if (parts.size() == 1) {
            FileUpload.Result result = upload.upload(parts.get(0), FileTrees.of(file), replicas);
            output.line("root:     %s", result.root());
            output.line("size:     %d bytes, %d segment%s", result.size(), result.segments(), result.segments() == 1 ? "" : "s");
            output.line("txSeq:    %s", entry(result));
            output.line("nodes:    %s (each holds its shard of the file)", String.join(", ", result.nodes()));
            output.json(Result.of(result));
            return;
        }
        List<FileUpload.Result> results = new ArrayList<>();
        Set<String> nodes = new LinkedHashSet<>();
        for (FilePart part : parts) {
            FileUpload.Result result = upload.upload(part, FileTrees.of(part), replicas);
            results.add(result);
            nodes.addAll(result.nodes());
            output.line("fragment %d/%d: %s, bytes %d to %d, txSeq %s", part.index() + 1, parts.size(), result.root(), part.offset(),
                    part.offset() + part.size() - 1, entry(result));
        }
        List<String> roots = results.stream().map(result -> result.root().toString()).toList();
        output.line("roots:    %s", String.join(",", roots));
        output.line("size:     %d bytes in %d fragments of %d bytes (the last one the rest)", size, parts.size(), fragment);
        output.line("nodes:    %s (each holds its shard of every fragment)", String.join(", ", nodes));
        output.json(new FragmentsResult(roots, size, fragment, results.stream().map(Result::of).toList()));
    }

    /** The entry used: its txSeq and whether it was submitted now, by an earlier attempt, or the file was there already. */
    private static String entry(FileUpload.Result result) {
        if (result.alreadyStored()) {
            return result.txSeq() + " (already stored on every chosen node: nothing sent)";
        }
        if (result.transactionHash() == null) {
            return result.txSeq() + " (the entry an earlier upload submitted: not submitted again)";
        }
        return result.txSeq() + " (submitted in " + result.transactionHash() + ")";
    }

    /** The JSON object of one entry, its keys in this order; txHash is written even when null. */
    record Result(String root, long txSeq, @JsonInclude(JsonInclude.Include.ALWAYS) String txHash, long size, int segments, List<String> nodes) {

        static Result of(FileUpload.Result result) {
            return new Result(result.root().toString(), result.txSeq(),
                    result.transactionHash() == null ? null : result.transactionHash().toString(), result.size(), result.segments(), result.nodes());
        }
    }

    /** The JSON object of a file stored in fragments: the roots in order, then each fragment's entry. */
    record FragmentsResult(List<String> roots, long size, long fragmentSize, List<Result> fragments) {
    }
}
