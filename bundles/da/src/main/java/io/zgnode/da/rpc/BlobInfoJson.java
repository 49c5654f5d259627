package io.zgnode.da.rpc;

import java.util.List;

/** What {@code da_getBlobInfo} answers: a certified blob's certificate, shape and who holds which rows. */
public record BlobInfoJson(String dataRoot, boolean certified, long epoch, int quorumId, int dataRows, int totalRows, int signedRows,
        long blockNumber, List<SignerJson> signers) {

    /** A member of the blob's quorum: its address, where to reach it, its rows. */
    public record SignerJson(String address, String socket, int[] rows) {
    }
}
