package io.zgnode.da.rpc;

import java.util.Base64;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcException;
import io.zgnode.api.rpc.RpcMethod;
import io.zgnode.da.chain.DaChain;
import io.zgnode.da.contracts.Certificate;
import io.zgnode.da.contracts.DaRegistryView;
import io.zgnode.da.contracts.Quorum;
import io.zgnode.da.contracts.Signer;
import io.zgnode.da.disperser.Dispersal;
import io.zgnode.da.disperser.Disperser;
import io.zgnode.da.disperser.InvalidBlobException;
import io.zgnode.da.retrieval.BlobRetriever;
import io.zgnode.da.retrieval.RetrievalException;
import io.zgnode.da.retrieval.RetrievedBlob;

/** The DA methods clients call: submit a blob, follow it, describe a certified blob, retrieve it. */
@Component(service = RpcEndpoint.class)
public class DaEndpoint implements RpcEndpoint {

    private final Disperser disperser;
    private final BlobRetriever retriever;
    private final DaChain chain;

    @Activate
    public DaEndpoint(@Reference Disperser disperser, @Reference BlobRetriever retriever, @Reference DaChain chain) {
        this.disperser = disperser;
        this.retriever = retriever;
        this.chain = chain;
    }

    /** Encodes the blob and starts its dispersal; answers at once with the request and its data root. */
    @RpcMethod("da_submitBlob")
    public Dispersal submitBlob(String data) throws InterruptedException {
        if (data == null) {
            throw RpcException.invalidParams("da_submitBlob takes the blob as base64");
        }
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams("the blob is not base64: " + e.getMessage());
        }
        try {
            return disperser.submit(payload);
        } catch (InvalidBlobException e) {
            throw RpcException.invalidParams(e.getMessage());
        }
    }

    @RpcMethod("da_getBlobStatus")
    public Dispersal getBlobStatus(String requestId) {
        return disperser.status(Params.hash(requestId, "requestId")).orElse(null);
    }

    /** A certified blob: its certificate, its shape, and which signer holds which rows; null if not certified. */
    @RpcMethod("da_getBlobInfo")
    public BlobInfoJson getBlobInfo(String dataRoot) {
        Hash root = Params.hash(dataRoot, "dataRoot");
        return chain.certificate(root).map(this::info).orElse(null);
    }

    @RpcMethod("da_retrieveBlob")
    public RetrievedJson retrieveBlob(String dataRoot) throws InterruptedException {
        try {
            RetrievedBlob blob = retriever.retrieve(Params.hash(dataRoot, "dataRoot"));
            return new RetrievedJson(Base64.getEncoder().encodeToString(blob.payload()), blob.rowsFetched(), blob.rowsRejected());
        } catch (RetrievalException e) {
            throw RpcException.serverError(e.getMessage());
        }
    }

    private BlobInfoJson info(Certificate certificate) {
        Quorum quorum = chain.quorum(certificate.epoch(), certificate.quorumId());
        DaRegistryView registry = chain.registry();
        List<BlobInfoJson.SignerJson> signers = quorum.members().stream().map(member -> new BlobInfoJson.SignerJson(member.toString(),
                registry.signer(member).map(Signer::socket).orElse(null), quorum.rowsOf(member))).toList();
        return new BlobInfoJson(certificate.dataRoot().toString(), true, certificate.epoch(), certificate.quorumId(), chain.shape().dataRows(),
                quorum.totalRows(), certificate.signedRows(), certificate.blockNumber(), signers);
    }
}
