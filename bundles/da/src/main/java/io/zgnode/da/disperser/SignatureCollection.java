package io.zgnode.da.disperser;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.da.blob.EncodedBlob;
import io.zgnode.da.contracts.DaRegistryView;
import io.zgnode.da.contracts.DaSignatures;
import io.zgnode.da.contracts.Quorum;
import io.zgnode.da.contracts.Signer;
import io.zgnode.da.wire.RowJson;
import io.zgnode.da.wire.SignerCallException;
import io.zgnode.da.wire.SignerClient;
import io.zgnode.da.wire.StoreReceiptJson;
import io.zgnode.da.wire.StoreRowsJson;

/**
 * Sends every member of a quorum its rows of a blob, all members at once, and gathers their
 * signatures. A signature counts only if it recovers to the member it came from; a member that is
 * down, slow or refuses is left out with the reason.
 */
final class SignatureCollection {

    /** What the quorum answered: the signatures by signer, and why the others gave none. */
    record Result(Map<Address, byte[]> signatures, int signedRows, Map<Address, String> failures) {

        List<byte[]> signatureList() {
            return new ArrayList<>(signatures.values());
        }
    }

    private final SignerClient client;
    private final ExecutorService executor;
    private final int rowsPerCall;

    SignatureCollection(SignerClient client, ExecutorService executor, int rowsPerCall) {
        this.client = client;
        this.executor = executor;
        this.rowsPerCall = rowsPerCall;
    }

    Result collect(EncodedBlob blob, Quorum quorum, DaRegistryView registry, Hash message, long timeoutMillis)
            throws InterruptedException {
        Map<Address, Future<byte[]>> pending = new TreeMap<>();
        for (Address member : quorum.members()) {
            Optional<Signer> signer = registry.signer(member);
            pending.put(member, executor.submit(() -> disperse(blob, quorum, member, signer.map(Signer::socket).orElse(""), message)));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Map<Address, byte[]> signatures = new TreeMap<>();
        Map<Address, String> failures = new TreeMap<>();
        int signedRows = 0;
        for (Map.Entry<Address, Future<byte[]>> member : pending.entrySet()) {
            try {
                signatures.put(member.getKey(), member.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                signedRows += quorum.rowCount(member.getKey());
            } catch (TimeoutException e) {
                member.getValue().cancel(true);
                failures.put(member.getKey(), "no signature within " + timeoutMillis + " ms");
            } catch (ExecutionException e) {
                failures.put(member.getKey(), e.getCause().getMessage());
            }
        }
        return new Result(signatures, signedRows, failures);
    }

    private byte[] disperse(EncodedBlob blob, Quorum quorum, Address member, String socket, Hash message) throws SignerCallException, InterruptedException {
        if (socket.isBlank()) {
            throw new SignerCallException("signer " + member + " registered no socket");
        }
        int[] rows = quorum.rowsOf(member);
        StoreReceiptJson receipt = null;
        for (int from = 0; from < rows.length; from += rowsPerCall) {
            List<RowJson> batch = new ArrayList<>();
            for (int i = from; i < Math.min(rows.length, from + rowsPerCall); i++) {
                batch.add(RowJson.of(blob.row(rows[i])));
            }
            receipt = client.storeRows(socket, new StoreRowsJson(blob.dataRoot().toString(), quorum.epoch(), quorum.quorumId(), blob.rowBytes(), batch));
        }
        if (receipt == null || receipt.signature() == null) {
            throw new SignerCallException("signer " + member + " holds " + (receipt == null ? 0 : receipt.held()) + " of its " + rows.length
                    + " rows after they were all sent, and did not sign");
        }
        byte[] signature = HexFormat.of().parseHex(receipt.signature().startsWith("0x") ? receipt.signature().substring(2) : receipt.signature());
        Optional<Address> signedBy = DaSignatures.recover(signature, message);
        if (!signedBy.equals(Optional.of(member))) {
            throw new SignerCallException("the signature from " + socket + " recovers to " + signedBy.map(Address::toString).orElse("nobody")
                    + ", not to signer " + member);
        }
        return signature;
    }
}
