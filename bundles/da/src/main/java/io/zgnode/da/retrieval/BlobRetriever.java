package io.zgnode.da.retrieval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.da.DaemonThreads;
import io.zgnode.da.blob.BlobDecodeException;
import io.zgnode.da.blob.BlobDecoder;
import io.zgnode.da.blob.BlobEncoder;
import io.zgnode.da.blob.BlobRow;
import io.zgnode.da.blob.BlobShape;
import io.zgnode.da.chain.DaChain;
import io.zgnode.da.contracts.Certificate;
import io.zgnode.da.contracts.DaRegistryView;
import io.zgnode.da.contracts.Quorum;
import io.zgnode.da.contracts.Signer;
import io.zgnode.da.wire.RowJson;
import io.zgnode.da.wire.SignerCallException;
import io.zgnode.da.wire.SignerClient;

/**
 * Gets a certified blob back from its signers: asks every member of its quorum for its rows at
 * once, checks each row's proof against the data root, stops asking once it has the k rows the
 * code needs, decodes, and re-encodes the result to check that it commits to the same data root
 * (the Merkle commitment alone does not prove the rows are one codeword: see the README).
 */
@Component(service = BlobRetriever.class)
public class BlobRetriever {

    private static final int ROWS_PER_CALL = 64;

    private final DaChain chain;
    private final SignerClient client;
    private final ExecutorService calls;

    @Activate
    public BlobRetriever(@Reference DaChain chain) {
        this.chain = chain;
        this.client = new SignerClient(Duration.ofSeconds(30));
        this.calls = Executors.newCachedThreadPool(DaemonThreads.named("zgnode-da-retrieval"));
    }

    @Deactivate
    void deactivate() {
        calls.shutdownNow();
    }

    public RetrievedBlob retrieve(Hash dataRoot) throws RetrievalException, InterruptedException {
        Certificate certificate = chain.certificate(dataRoot)
                .orElseThrow(() -> new RetrievalException("blob " + dataRoot + " is not certified on chain"));
        Quorum quorum = chain.quorum(certificate.epoch(), certificate.quorumId());
        BlobShape shape = chain.shape();
        DaRegistryView registry = chain.registry();
        Map<Integer, byte[]> good = new ConcurrentHashMap<>();
        AtomicInteger rejected = new AtomicInteger();
        Map<Address, Future<?>> asked = new TreeMap<>();
        for (Address member : quorum.members()) {
            String socket = registry.signer(member).map(Signer::socket).orElse("");
            asked.put(member, calls.submit(() -> {
                fetch(socket, dataRoot, quorum.rowsOf(member), shape, good, rejected);
                return null;
            }));
        }
        List<String> unreachable = new ArrayList<>();
        for (Map.Entry<Address, Future<?>> member : asked.entrySet()) {
            try {
                member.getValue().get();
            } catch (ExecutionException e) {
                unreachable.add(member.getKey() + " (" + e.getCause().getMessage() + ")");
            }
        }
        if (good.size() < shape.dataRows()) {
            throw new RetrievalException("only " + good.size() + " of the " + shape.dataRows() + " rows needed could be fetched with valid proofs ("
                    + rejected.get() + " rejected by their proofs" + (unreachable.isEmpty() ? "" : "; failed: " + String.join(", ", unreachable)) + ")");
        }
        return new RetrievedBlob(decode(dataRoot, shape, good), good.size(), rejected.get());
    }

    private void fetch(String socket, Hash dataRoot, int[] rows, BlobShape shape, Map<Integer, byte[]> good, AtomicInteger rejected)
            throws SignerCallException, InterruptedException {
        if (socket.isBlank()) {
            throw new SignerCallException("no socket registered");
        }
        for (int from = 0; from < rows.length && good.size() < shape.dataRows(); from += ROWS_PER_CALL) {
            List<Integer> batch = new ArrayList<>();
            for (int i = from; i < Math.min(rows.length, from + ROWS_PER_CALL); i++) {
                batch.add(rows[i]);
            }
            for (RowJson json : client.getRows(socket, dataRoot.toString(), batch)) {
                Optional<BlobRow> row = parse(json);
                if (row.isPresent() && batch.contains(row.get().index()) && row.get().check(dataRoot, shape).isEmpty()) {
                    good.putIfAbsent(row.get().index(), row.get().data());
                } else {
                    rejected.incrementAndGet();
                }
            }
        }
    }

    private static Optional<BlobRow> parse(RowJson json) {
        try {
            return Optional.of(json.toRow());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] decode(Hash dataRoot, BlobShape shape, Map<Integer, byte[]> good) throws RetrievalException {
        int rowBytes = good.values().iterator().next().length;
        byte[] payload;
        try {
            payload = BlobDecoder.of(shape).decode(rowBytes, new TreeMap<>(good));
        } catch (BlobDecodeException e) {
            throw new RetrievalException("the rows of " + dataRoot + " do not decode: " + e.getMessage());
        }
        Hash again = BlobEncoder.of(shape).encode(payload).dataRoot();
        if (!again.equals(dataRoot)) {
            throw new RetrievalException("the rows of " + dataRoot + " decode to data whose root is " + again
                    + ": the blob was not encoded consistently by its disperser");
        }
        return payload;
    }
}
