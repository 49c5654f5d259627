package io.zgnode.runtime.cli.da;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.api.chain.Hash;
import io.zgnode.da.blob.BlobRow;
import io.zgnode.da.blob.BlobShape;
import io.zgnode.da.blob.RowProof;
import io.zgnode.runtime.UserError;
import io.zgnode.runtime.cli.ClientCommand;
import io.zgnode.runtime.cli.Output;
import io.zgnode.runtime.cli.RpcClient;
import io.zgnode.runtime.cli.RpcOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zgnode client da-sample DATAROOT --samples K}: data-availability sampling. Asks the
 * signers themselves (at the sockets the chain lists) for K rows picked at random, checks each
 * proof, and reports how confident one can be that the blob is available. A blob that cannot be
 * decoded lacks more than n - k rows, so a random row is then there with probability at most
 * (k-1)/n; the confidence is 1 minus the chance of seeing this many good rows from such a blob.
 */
@Command(name = "da-sample", description = "Sample a certified blob: fetch K random rows with their proofs straight from the signers that hold"
        + " them, check every proof against DATAROOT, and report the confidence that the blob is available."
        + " JSON: {\"dataRoot\", \"samples\", \"available\", \"rejected\", \"unreachable\", \"confidence\"}.")
public final class DaSampleCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "DATAROOT", description = "the blob's data root")
    String dataRoot;

    @Mixin
    RpcOption rpc = new RpcOption();

    @Option(names = "--samples", paramLabel = "K", description = "rows to sample (default 16)")
    int samples = 16;

    @Override
    protected void run(Output output) throws Exception {
        Hash root = DaRoots.parse(dataRoot);
        if (samples < 1 || samples > 4096) {
            throw new UserError("--samples must be 1 to 4096, not " + samples);
        }
        JsonNode info = rpc.client().call("da_getBlobInfo", root.toString());
        if (info == null || !info.isObject()) {
            throw new UserError("blob " + root + " is not certified on the chain of " + rpc.url());
        }
        BlobShape shape = new BlobShape(info.path("dataRows").asInt(), info.path("totalRows").asInt());
        Map<Integer, String> socketOfRow = new LinkedHashMap<>();
        for (JsonNode signer : info.path("signers")) {
            for (JsonNode row : signer.path("rows")) {
                socketOfRow.put(row.asInt(), signer.path("socket").asText());
            }
        }
        SecureRandom random = new SecureRandom();
        int available = 0;
        int rejected = 0;
        int unreachable = 0;
        for (int i = 0; i < samples; i++) {
            int index = random.nextInt(shape.totalRows());
            String socket = socketOfRow.get(index);
            switch (sample(socket, root, index, shape)) {
                case AVAILABLE -> available++;
                case REJECTED -> rejected++;
                case UNREACHABLE -> unreachable++;
            }
        }
        double confidence = confidence(samples, available, (shape.dataRows() - 1) / (double) shape.totalRows());
        Result result = new Result(root.toString(), samples, available, rejected, unreachable, confidence);
        output.line("dataRoot:    %s", root);
        output.line("samples:     %d: %d available with valid proofs, %d rejected, %d unreachable", samples, available, rejected, unreachable);
        output.line("confidence:  %s that the blob is available", confidenceText(confidence));
        output.json(result);
    }

    private enum Outcome { AVAILABLE, REJECTED, UNREACHABLE }

    private static Outcome sample(String socket, Hash root, int index, BlobShape shape) {
        if (socket == null || socket.isBlank()) {
            return Outcome.UNREACHABLE;
        }
        JsonNode rows;
        try {
            rows = RpcClient.of(socket, "signer socket").call("da_getRows", root.toString(), List.of(index));
        } catch (UserError unreachable) {
            return Outcome.UNREACHABLE;
        }
        if (rows == null || !rows.isArray() || rows.isEmpty()) {
            return Outcome.UNREACHABLE;
        }
        try {
            JsonNode row = rows.get(0);
            List<Hash> lemma = new ArrayList<>();
            row.path("proof").path("lemma").forEach(hash -> lemma.add(Hash.of(hash.asText())));
            List<Boolean> path = new ArrayList<>();
            row.path("proof").path("path").forEach(step -> path.add(step.asBoolean()));
            BlobRow parsed = new BlobRow(row.path("index").asInt(), row.path("data").binaryValue(), new RowProof(lemma, path));
            return parsed.index() == index && parsed.check(root, shape).isEmpty() ? Outcome.AVAILABLE : Outcome.REJECTED;
        } catch (IOException | IllegalArgumentException e) {
            return Outcome.REJECTED;
        }
    }

    /**
     * 1 - P(at least {@code good} of {@code trials} rows present | the blob is unrecoverable), each
     * present with probability at most {@code p}: the binomial tail, summed directly (trials <= 4096).
     */
    static double confidence(int trials, int good, double p) {
        if (good == 0) {
            return 0;
        }
        double tail = 0;
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        for (int j = good; j <= trials; j++) {
            tail += Math.exp(logChoose(trials, j) + j * logP + (trials - j) * logQ);
        }
        return Math.max(0, 1 - tail);
    }

    private static double logChoose(int n, int k) {
        double sum = 0;
        for (int i = 1; i <= k; i++) {
            sum += Math.log(n - k + i) - Math.log(i);
        }
        return sum;
    }

    private static String confidenceText(double confidence) {
        if (confidence >= 1 - 1e-12) {
            return "more than 1 - 1e-12";
        }
        return String.format("%.10f", confidence);
    }

    /** The JSON object, its keys in this order. */
    record Result(String dataRoot, int samples, int available, int rejected, int unreachable, double confidence) {
    }
}
