package io.zgnode.da.disperser;

/**
 * A dispersal's status, with 0G's names. With BFT finality a committed certificate is final at
 * once; FINALIZED adds a depth of blocks (configuration {@code finalizedDepth}) for clients that
 * wait for it, as 0G's clients do on chains that finalize late.
 */
public enum BlobStatus {
    /** Encoded; rows going to signers, signatures being collected, or the certificate waiting for a block. */
    PROCESSING,
    /** The certificate is in a committed block: signers of at least 2/3 of the rows hold them. */
    CONFIRMED,
    /** The dispersal failed: no certificate (the error says why). */
    FAILED,
    /** CONFIRMED, and the certificate's block is {@code finalizedDepth} blocks deep. */
    FINALIZED,
    /** Signers of fewer than 2/3 of the rows signed: nothing was certified. */
    INSUFFICIENT_SIGNATURES;

    public boolean isFinal() {
        return this != PROCESSING;
    }
}
