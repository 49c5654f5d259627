package io.zgnode.runtime.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.zgnode.crypto.PrivateKey;
import io.zgnode.runtime.UserError;
import io.zgnode.runtime.cli.storage.FileUpload;
import io.zgnode.runtime.cli.storage.FlowContract;
import io.zgnode.runtime.cli.storage.StorageNetwork;
import io.zgnode.runtime.cli.storage.StorageNodeClient;
import io.zgnode.storage.merkle.FileTree;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zgnode client upload FILE}: stores a file on the 0G storage network with our own client
 * ({@link FileUpload}): Flow.submit paid with the key's account, then the segments to nodes that
 * keep every shard; run again, it resumes where an interrupted upload stopped.
 */
@Command(name = "upload", description = "Store a file on the storage network: submit its entry to the Flow contract (paying sectors x"
        + " pricePerSector from the key's account), upload its segments to storage nodes keeping every shard N times, and wait until"
        + " they hold it. Run again after an interruption, it reuses the entry and uploads only to nodes that lack the file."
        + " --rpc is a node serving eth_*, zgs_* and indexer_* (every devnet node);"
        + " JSON: {\"root\", \"txSeq\", \"txHash\" (null when an existing entry was used), \"size\", \"segments\", \"nodes\": [URL]}.")
public final class UploadCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "the file: 1 byte to 4 GiB")
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

    @Override
    protected void run(Output output) throws Exception {
        if (replicas < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--replicas must be at least 1, got " + replicas);
        }
        if (timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be at least 1 second, got " + timeoutSeconds);
        }
        long size = FileTrees.checkedSize(file);
        if (size > FileUpload.MAX_BYTES) {
            throw new UserError(file + ": " + size + " bytes is more than one flow entry takes (4 GiB, " + FileUpload.MAX_BYTES
                    + " bytes): split the file and upload the parts");
        }
        PrivateKey signer = key.load();
        RpcClient chain = rpc.client();
        StorageNetwork network = new StorageNetwork(new StorageNodeClient(chain));
        FlowContract flow = new FlowContract(chain, network.entry().flowAddress());
        FileTree tree = FileTrees.of(file);

        FileUpload.Result result = new FileUpload(network, flow, new Transactions(chain, signer), Duration.ofSeconds(timeoutSeconds))
                .upload(file, tree, replicas);

        output.line("root:     %s", result.root());
        output.line("size:     %d bytes, %d segment%s", result.size(), result.segments(), result.segments() == 1 ? "" : "s");
        if (result.alreadyStored()) {
            output.line("txSeq:    %d (already stored on every chosen node: nothing sent)", result.txSeq());
        } else if (result.transactionHash() == null) {
            output.line("txSeq:    %d (the entry an earlier upload submitted: not submitted again)", result.txSeq());
        } else {
            output.line("txSeq:    %d (submitted in %s)", result.txSeq(), result.transactionHash());
        }
        output.line("nodes:    %s (each holds its shard of the file)", String.join(", ", result.nodes()));
        output.json(new Result(result.root().toString(), result.txSeq(),
                result.transactionHash() == null ? null : result.transactionHash().toString(), result.size(), result.segments(), result.nodes()));
    }

    /** The JSON object, its keys in this order; txHash is written even when null. */
    record Result(String root, long txSeq, @JsonInclude(JsonInclude.Include.ALWAYS) String txHash, long size, int segments, List<String> nodes) {
    }
}
