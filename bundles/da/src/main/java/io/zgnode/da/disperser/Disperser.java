package io.zgnode.da.disperser;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.chain.TransactionPool;
import io.zgnode.api.chain.TransactionRejectedException;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.crypto.Keccak256;
import io.zgnode.da.DaConfig;
import io.zgnode.da.DaemonThreads;
import io.zgnode.da.blob.BlobEncoder;
import io.zgnode.da.blob.BlobShape;
import io.zgnode.da.blob.EncodedBlob;
import io.zgnode.da.chain.DaChain;
import io.zgnode.da.contracts.DaSignatures;
import io.zgnode.da.contracts.Quorum;
import io.zgnode.da.signer.DaSigner;
import io.zgnode.da.signer.SignerKey;
import io.zgnode.da.wire.SignerClient;

/**
 * Takes blobs from clients and sees them certified: encodes a blob (so its data root is known at
 * once), then in the background sends each member of the current quorum its rows, gathers the
 * signatures, and when signers of at least 2/3 of the rows signed sends the certificate to the DA
 * entrance. The certificate is paid by this node's signer account. Every step is kept in the store,
 * so a status outlives a restart; a dispersal cut short by a restart before its certificate was
 * sent is marked FAILED (the blob itself is not kept: submit it again).
 */
@Component(service = Disperser.class, configurationPid = DaConfig.PID)
public class Disperser {

    private static final Logger LOG = Logger.getLogger(Disperser.class.getName());

    private final DaChain chain;
    private final DispersalStore dispersals;
    private final Optional<CertificateSender> certificates;
    private final SignatureCollection signatures;
    private final ExecutorService background;
    private final ExecutorService calls;
    private final Semaphore encoding;
    private final MemoryBudget memory = MemoryBudget.ofHeap();
    private final DaConfig config;

    @Activate
    public Disperser(@Reference DaChain chain, @Reference KeyValueStore store, @Reference TransactionPool pool, @Reference DaSigner signer,
            DaConfig config) {
        if (config.concurrentDispersals() < 1 || config.rowsPerCall() < 1) {
            throw new IllegalArgumentException("concurrentDispersals and rowsPerCall must be at least 1");
        }
        this.chain = chain;
        this.config = config;
        this.dispersals = new DispersalStore(store);
        Optional<SignerKey> payer = signer.key();
        this.certificates = payer.map(key -> new CertificateSender(chain.chain(), pool, chain.genesis(), key));
        this.background = Executors.newFixedThreadPool(config.concurrentDispersals(), DaemonThreads.named("zgnode-da-disperser"));
        this.calls = Executors.newCachedThreadPool(DaemonThreads.named("zgnode-da-signer-call"));
        this.signatures = new SignatureCollection(new SignerClient(Duration.ofMillis(config.signatureTimeoutMillis())), calls, config.rowsPerCall());
        this.encoding = new Semaphore(config.concurrentDispersals());
        resumeAfterRestart();
    }

    @Deactivate
    void deactivate() {
        background.shutdownNow();
        calls.shutdownNow();
    }

    /**
     * Encodes a blob and starts its dispersal; the same blob sent again in the same epoch gets the
     * same request (started again only if it failed).
     *
     * @throws InvalidBlobException if the blob is empty or too large, or no quorum can take it
     */
    public Dispersal submit(byte[] payload) throws InvalidBlobException, InterruptedException {
        if (payload.length == 0 || payload.length > BlobShape.MAX_PAYLOAD) {
            throw new InvalidBlobException((payload.length == 0 ? "the blob is empty" : "the blob holds " + payload.length + " bytes")
                    + ": a blob holds 1 to " + BlobShape.MAX_PAYLOAD + " bytes");
        }
        CertificateSender sender = certificates.orElseThrow(() -> new InvalidBlobException(
                "this node cannot disperse: it has no DA signer key to pay for certificates (configuration " + DaConfig.PID + " signerKeyFile)"));
        long epoch = chain.currentEpoch();
        if (chain.registry().quorumCount(epoch) == 0) {
            throw new InvalidBlobException("no DA signers are registered for epoch " + epoch);
        }
        MemoryBudget.Reservation room = memory.reserve(footprint(payload.length), config.signatureTimeoutMillis());
        boolean handedOver = false;
        try {
            EncodedBlob blob = encode(payload);
            Quorum quorum = chain.quorum(epoch, 0);
            Hash requestId = requestId(blob.dataRoot(), epoch, quorum.quorumId());
            synchronized (this) {
                Optional<Dispersal> known = dispersals.get(requestId);
                if (known.isPresent() && !failed(known.get().status())) {
                    return known.get();
                }
                Dispersal started = new Dispersal(requestId.toString(), BlobStatus.PROCESSING, blob.dataRoot().toString(), epoch,
                        quorum.quorumId(), 0, quorum.totalRows(), null, null, null);
                dispersals.put(started);
                try {
                    background.execute(() -> {
                        try (room) {
                            disperse(started, blob, quorum, sender);
                        }
                    });
                    handedOver = true;
                } catch (RejectedExecutionException stopping) {
                    dispersals.put(started.withStatus(BlobStatus.FAILED, "the node is stopping"));
                    throw new InvalidBlobException("the node is stopping");
                }
                return started;
            }
        } finally {
            if (!handedOver) {
                room.close(); // the dispersal did not start: its memory is free again
            }
        }
    }

    /** A request's status, FINALIZED once its certificate is deep enough. */
    public Optional<Dispersal> status(Hash requestId) {
        return dispersals.get(requestId).map(this::withDepth);
    }

    public List<Dispersal> all() {
        return dispersals.all().stream().map(this::withDepth).toList();
    }

    private Dispersal withDepth(Dispersal dispersal) {
        if (dispersal.status() == BlobStatus.CONFIRMED && dispersal.blockNumber() != null
                && chain.chain().head().number() >= dispersal.blockNumber() + config.finalizedDepth()) {
            Dispersal finalized = dispersal.withStatus(BlobStatus.FINALIZED, null);
            dispersals.put(finalized);
            return finalized;
        }
        return dispersal;
    }

    private EncodedBlob encode(byte[] payload) throws InvalidBlobException, InterruptedException {
        encoding.acquire();
        try {
            return BlobEncoder.of(chain.shape()).encode(payload);
        } catch (IllegalArgumentException e) {
            throw new InvalidBlobException(e.getMessage());
        } finally {
            encoding.release();
        }
    }

    private void disperse(Dispersal dispersal, EncodedBlob blob, Quorum quorum, CertificateSender sender) {
        try {
            Hash message = DaSignatures.message(chain.chain().chainId(), chain.genesis().entrance(), blob.dataRoot(), quorum.epoch(), quorum.quorumId());
            SignatureCollection.Result result = signatures.collect(blob, quorum, chain.registry(), message, config.signatureTimeoutMillis());
            Dispersal collected = dispersal.withSignedRows(result.signedRows());
            if (3L * result.signedRows() < 2L * quorum.totalRows()) {
                dispersals.put(collected.withStatus(BlobStatus.INSUFFICIENT_SIGNATURES, "signers of " + result.signedRows() + " of "
                        + quorum.totalRows() + " rows signed, " + needed(quorum) + " needed; no signature from: " + result.failures()));
                return;
            }
            Hash transaction = sender.send(blob.dataRoot(), quorum.epoch(), quorum.quorumId(), result.signatureList());
            Dispersal sent = collected.withCertificateTx(transaction.toString());
            dispersals.put(sent);
            awaitCertificate(sent, sender);
        } catch (TransactionRejectedException e) {
            dispersals.put(dispersal.withStatus(BlobStatus.FAILED, "the certificate transaction was refused: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "dispersal of " + dispersal.dataRoot() + " failed", e);
            dispersals.put(dispersal.withStatus(BlobStatus.FAILED, String.valueOf(e.getMessage())));
        }
    }

    private void awaitCertificate(Dispersal sent, CertificateSender sender) throws InterruptedException {
        Optional<Receipt> receipt = sender.await(Hash.of(sent.certificateTx()), config.certificateTimeoutMillis());
        if (receipt.isEmpty()) {
            dispersals.put(sent.withStatus(BlobStatus.FAILED, "the certificate transaction " + sent.certificateTx() + " was not committed within "
                    + config.certificateTimeoutMillis() + " ms"));
        } else if (!receipt.get().success()) {
            dispersals.put(sent.withStatus(BlobStatus.FAILED, CertificateSender.failure(receipt.get())));
        } else {
            dispersals.put(sent.confirmedIn(receipt.get().blockNumber()));
        }
    }

    /** After a restart: certificates already sent are awaited again; dispersals cut short before are failed. */
    private void resumeAfterRestart() {
        for (Dispersal dispersal : dispersals.all()) {
            if (dispersal.status() != BlobStatus.PROCESSING) {
                continue;
            }
            if (dispersal.certificateTx() != null && certificates.isPresent()) {
                background.execute(() -> {
                    try {
                        awaitCertificate(dispersal, certificates.get());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } else {
                dispersals.put(dispersal.withStatus(BlobStatus.FAILED, "the node stopped during the dispersal; submit the blob again"));
            }
        }
    }

    /**
     * What a dispersal holds at most: the payload, the encoded matrix (totalRows rows), and the
     * rows of the calls in flight as base64 JSON (about one more matrix at worst).
     */
    private long footprint(int payloadLength) {
        long matrix = (long) chain.shape().totalRows() * chain.shape().rowBytes(payloadLength);
        return payloadLength + 2 * matrix;
    }

    private static int needed(Quorum quorum) {
        return (2 * quorum.totalRows() + 2) / 3;
    }

    private static boolean failed(BlobStatus status) {
        return status == BlobStatus.FAILED || status == BlobStatus.INSUFFICIENT_SIGNATURES;
    }

    /** The same blob for the same quorum is the same request. */
    static Hash requestId(Hash dataRoot, long epoch, int quorumId) {
        Keccak256.Hasher hasher = new Keccak256.Hasher();
        hasher.update(dataRoot.toArray());
        hasher.update(ByteBuffer.allocate(12).putLong(epoch).putInt(quorumId).array());
        return Hash.of(hasher.digest());
    }
}
