package io.zgnode.runtime.cli.da;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.da.blob.BlobShape;
import io.zgnode.runtime.UserError;
import io.zgnode.runtime.cli.ClientCommand;
import io.zgnode.runtime.cli.Output;
import io.zgnode.runtime.cli.Polling;
import io.zgnode.runtime.cli.RpcClient;
import io.zgnode.runtime.cli.RpcOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zgnode client da-submit FILE --rpc URL}: hands a blob to a DA node's disperser and waits
 * until the dispersal ends: CONFIRMED (or FINALIZED) when its certificate is on chain, else the
 * failure status, which also ends the command with exit code 1.
 */
@Command(name = "da-submit", description = "Submit FILE as a data-availability blob to the DA node at --rpc and wait for a final status:"
        + " CONFIRMED when signers of at least 2/3 of its rows signed and the certificate is on chain; FAILED or INSUFFICIENT_SIGNATURES"
        + " (exit code 1) otherwise. JSON: {\"dataRoot\", \"status\", \"epoch\", \"quorumId\", \"requestId\"}.")
public final class DaSubmitCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "the blob: 1 byte to " + BlobShape.MAX_PAYLOAD + " bytes")
    Path file;

    @Mixin
    RpcOption rpc = new RpcOption();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "how long to wait for a final status (default 300)")
    long timeoutSeconds = 300;

    @Override
    protected void run(Output output) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file");
        }
        long size = Files.size(file);
        if (size == 0 || size > BlobShape.MAX_PAYLOAD) {
            throw new UserError(file + ": " + size + " bytes; a blob holds 1 to " + BlobShape.MAX_PAYLOAD + " bytes");
        }
        RpcClient client = rpc.client();
        JsonNode request = client.call("da_submitBlob", Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
        String requestId = request.path("requestId").asText();
        output.line("dataRoot:  %s", request.path("dataRoot").asText());
        output.line("requestId: %s", requestId);
        JsonNode status = Polling.until(Duration.ofSeconds(timeoutSeconds), () -> finished(client.call("da_getBlobStatus", requestId)),
                () -> "no final status for request " + requestId + " after " + timeoutSeconds + " s");
        Result result = new Result(status.path("dataRoot").asText(), status.path("status").asText(), status.path("epoch").asLong(),
                status.path("quorumId").asInt(), requestId);
        output.line("status:    %s (epoch %d, quorum %d, %d of %d rows signed)", result.status(), result.epoch(), result.quorumId(),
                status.path("signedRows").asInt(), status.path("totalRows").asInt());
        if (status.hasNonNull("certificateTx")) {
            output.line("certificate transaction: %s", status.get("certificateTx").asText());
        }
        output.json(result);
        if (!result.status().equals("CONFIRMED") && !result.status().equals("FINALIZED")) {
            throw new UserError("dispersal ended " + result.status() + (status.hasNonNull("error") ? ": " + status.get("error").asText() : ""));
        }
    }

    private static Optional<JsonNode> finished(JsonNode status) {
        return status != null && status.isObject() && !"PROCESSING".equals(status.path("status").asText()) ? Optional.of(status) : Optional.empty();
    }

    /** The JSON object, its keys in this order. */
    record Result(String dataRoot, String status, long epoch, int quorumId, String requestId) {
    }
}
