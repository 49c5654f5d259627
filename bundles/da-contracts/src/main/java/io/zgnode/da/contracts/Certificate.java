package io.zgnode.da.contracts;

import java.util.Objects;

import io.zgnode.api.chain.Hash;

/**
 * A blob the DA entrance certified: signers of {@code signedRows} of the quorum's rows signed its
 * data root, and the certificate was included in block {@code blockNumber}.
 */
public record Certificate(Hash dataRoot, long epoch, int quorumId, int signedRows, long blockNumber) {

    public Certificate {
        Objects.requireNonNull(dataRoot, "dataRoot");
    }
}
