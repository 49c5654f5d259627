package io.zgnode.ledger.pool;

import io.zgnode.api.chain.TransactionRejectedException;
import io.zgnode.crypto.PublicKey;
import io.zgnode.ethereum.TransactionDecoder;

/** Decodes a raw transaction and checks what can be checked without the state. */
public interface TransactionCheck {

    /** Decodes {@code raw}, recovering its sender, and checks it. */
    TransactionDecoder.Recovered decode(byte[] raw) throws TransactionRejectedException;

    /**
     * Decodes {@code raw} with the sender a peer claims and checks the rest; the claim itself is
     * the caller's to check.
     */
    TransactionDecoder.Claimed decodeClaimed(byte[] raw, PublicKey claimedSender) throws TransactionRejectedException;
}
