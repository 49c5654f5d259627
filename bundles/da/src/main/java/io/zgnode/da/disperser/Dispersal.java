package io.zgnode.da.disperser;

/**
 * A dispersal request as the node keeps it and {@code da_getBlobStatus} answers it. Hashes 0x-hex;
 * fields not known yet are null.
 */
public record Dispersal(String requestId, BlobStatus status, String dataRoot, long epoch, int quorumId, int signedRows, int totalRows,
        String certificateTx, Long blockNumber, String error) {

    Dispersal withStatus(BlobStatus newStatus, String newError) {
        return new Dispersal(requestId, newStatus, dataRoot, epoch, quorumId, signedRows, totalRows, certificateTx, blockNumber, newError);
    }

    Dispersal withSignedRows(int rows) {
        return new Dispersal(requestId, status, dataRoot, epoch, quorumId, rows, totalRows, certificateTx, blockNumber, error);
    }

    Dispersal withCertificateTx(String hash) {
        return new Dispersal(requestId, status, dataRoot, epoch, quorumId, signedRows, totalRows, hash, blockNumber, error);
    }

    Dispersal confirmedIn(long block) {
        return new Dispersal(requestId, BlobStatus.CONFIRMED, dataRoot, epoch, quorumId, signedRows, totalRows, certificateTx, block, null);
    }
}
