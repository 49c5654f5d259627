package io.zgnode.runtime.cli.da;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.api.chain.Hash;
import io.zgnode.da.blob.BlobEncoder;
import io.zgnode.da.blob.BlobShape;
import io.zgnode.runtime.UserError;
import io.zgnode.runtime.cli.AtomicFiles;
import io.zgnode.runtime.cli.ClientCommand;
import io.zgnode.runtime.cli.Output;
import io.zgnode.runtime.cli.RpcClient;
import io.zgnode.runtime.cli.RpcOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zgnode client da-get DATAROOT --rpc URL --out FILE}: the node fetches the rows from the
 * signers and decodes; this command trusts none of it: it encodes the bytes again with the chain's
 * blob shape and writes them only if they commit to DATAROOT.
 */
@Command(name = "da-get", description = "Retrieve a certified blob through the DA node at --rpc (which fetches rows from the signers, checking"
        + " each proof, and decodes from any sufficient set), check that the bytes encode to DATAROOT, and write FILE atomically."
        + " JSON: {\"dataRoot\", \"size\", \"rowsFetched\", \"rowsRejected\", \"out\"}.")
public final class DaGetCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "DATAROOT", description = "the blob's data root (da-submit prints it)")
    String dataRoot;

    @Mixin
    RpcOption rpc = new RpcOption();

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "where to write the blob; its folder must exist")
    Path out;

    @Option(names = "--force", description = "replace FILE if it exists")
    boolean force;

    @Override
    protected void run(Output output) throws Exception {
        Hash root = DaRoots.parse(dataRoot);
        Path target = AtomicFiles.checkWritable(out, force);
        RpcClient client = rpc.client();
        JsonNode info = client.call("da_getBlobInfo", root.toString());
        if (info == null || !info.isObject()) {
            throw new UserError("blob " + root + " is not certified on the chain of " + rpc.url());
        }
        BlobShape shape = new BlobShape(info.path("dataRows").asInt(), info.path("totalRows").asInt());
        JsonNode retrieved = client.call("da_retrieveBlob", root.toString());
        byte[] payload = Base64.getDecoder().decode(retrieved.path("data").asText());
        Hash encoded = BlobEncoder.of(shape).encode(payload).dataRoot();
        if (!encoded.equals(root)) {
            throw new UserError("the node at " + rpc.url() + " returned " + payload.length + " bytes whose data root is " + encoded + ", not " + root
                    + ": not written");
        }
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(payload);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            AtomicFiles.publish(temporary, target, force);
        } finally {
            AtomicFiles.deleteQuietly(temporary);
        }
        Result result = new Result(root.toString(), payload.length, retrieved.path("rowsFetched").asInt(), retrieved.path("rowsRejected").asInt(),
                target.toString());
        output.line("dataRoot: %s", result.dataRoot());
        output.line("size:     %d bytes, checked: they encode to the data root", result.size());
        output.line("rows:     %d fetched with valid proofs, %d rejected", result.rowsFetched(), result.rowsRejected());
        output.line("out:      %s", result.out());
        output.json(result);
    }

    /** The JSON object, its keys in this order. */
    record Result(String dataRoot, long size, int rowsFetched, int rowsRejected, String out) {
    }
}
