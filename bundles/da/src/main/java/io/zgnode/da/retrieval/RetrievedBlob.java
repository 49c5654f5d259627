package io.zgnode.da.retrieval;

/**
 * A blob put back together from its rows.
 *
 * @param rowsFetched rows that came back and passed their proofs
 * @param rowsRejected rows that came back and failed their proofs (corrupted or forged)
 */
public record RetrievedBlob(byte[] payload, int rowsFetched, int rowsRejected) {
}
