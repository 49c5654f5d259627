package io.zgnode.da.signer;

import io.zgnode.api.chain.Address;

/**
 * What a signer answers for rows it stored.
 *
 * @param signature its signature of (data root, epoch, quorum), once it holds every row the quorum
 *        gives it; {@code null} before
 */
public record StoreReceipt(Address signer, int held, int needed, byte[] signature) {
}
