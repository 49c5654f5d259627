package io.zgnode.da.rpc;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcException;
import io.zgnode.api.rpc.RpcMethod;
import io.zgnode.da.blob.BlobRow;
import io.zgnode.da.chain.DaChain;
import io.zgnode.da.signer.DaSigner;
import io.zgnode.da.signer.HeldBlob;
import io.zgnode.da.signer.InvalidRowsException;
import io.zgnode.da.signer.StoreReceipt;
import io.zgnode.da.wire.RowJson;
import io.zgnode.da.wire.StoreReceiptJson;
import io.zgnode.da.wire.StoreRowsJson;

/** The methods a DA signer serves: take rows (and sign), give rows back (retrieval, sampling), describe itself. */
@Component(service = RpcEndpoint.class)
public class DaSignerEndpoint implements RpcEndpoint {

    /** Rows one da_getRows call may ask for: a sampler asks a few, a retriever pages. */
    static final int MAX_ROWS_PER_GET = 256;

    private final DaSigner signer;
    private final DaChain chain;

    @Activate
    public DaSignerEndpoint(@Reference DaSigner signer, @Reference DaChain chain) {
        this.signer = signer;
        this.chain = chain;
    }

    @RpcMethod("da_storeRows")
    public StoreReceiptJson storeRows(StoreRowsJson request) {
        if (request == null || request.rows() == null) {
            throw RpcException.invalidParams("da_storeRows takes {dataRoot, epoch, quorumId, rowBytes, rows: [{index, data, proof}]}");
        }
        Hash root = Params.hash(request.dataRoot(), "dataRoot");
        List<BlobRow> rows = new ArrayList<>(request.rows().size());
        for (RowJson row : request.rows()) {
            if (row == null) {
                throw RpcException.invalidParams("a row is null");
            }
            try {
                rows.add(row.toRow());
            } catch (IllegalArgumentException e) {
                throw RpcException.invalidParams(e.getMessage());
            }
        }
        if (request.quorumId() < 0 || request.epoch() < 0) {
            throw RpcException.invalidParams("epoch and quorumId must not be negative");
        }
        try {
            StoreReceipt receipt = signer.store(root, request.epoch(), request.quorumId(), request.rowBytes(), rows);
            return new StoreReceiptJson(receipt.signer().toString(), receipt.held(), receipt.needed(),
                    receipt.signature() == null ? null : "0x" + HexFormat.of().formatHex(receipt.signature()));
        } catch (InvalidRowsException e) {
            throw RpcException.invalidParams(e.getMessage());
        }
    }

    /** The rows asked for that this signer holds, each with its proof; rows it does not hold are left out. */
    @RpcMethod("da_getRows")
    public List<RowJson> getRows(String dataRoot, List<Integer> indices) {
        Hash root = Params.hash(dataRoot, "dataRoot");
        if (indices == null || indices.isEmpty() || indices.size() > MAX_ROWS_PER_GET) {
            throw RpcException.invalidParams("da_getRows takes 1 to " + MAX_ROWS_PER_GET + " row indices");
        }
        if (indices.stream().anyMatch(i -> i == null || i < 0)) {
            throw RpcException.invalidParams("row indices are numbers from 0");
        }
        return signer.rows(root, indices).stream().map(RowJson::of).toList();
    }

    @RpcMethod("da_signerInfo")
    public SignerInfoJson signerInfo() {
        long epoch = chain.currentEpoch();
        List<HeldBlob> blobs = signer.rows().blobs();
        long rows = blobs.stream().mapToLong(HeldBlob::held).sum();
        long bytes = blobs.stream().mapToLong(b -> (long) b.held() * b.rowBytes()).sum();
        String address = signer.address().map(Object::toString).orElse(null);
        boolean registered = signer.address().flatMap(a -> chain.registry().signer(a)).isPresent();
        return new SignerInfoJson(address, registered, epoch, blobs.size(), rows, bytes, signer.refusedRows());
    }
}
