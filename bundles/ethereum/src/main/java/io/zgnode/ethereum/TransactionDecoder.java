package io.zgnode.ethereum;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Transaction;
import io.zgnode.crypto.InvalidSignatureException;
import io.zgnode.crypto.PublicKey;
import io.zgnode.crypto.Secp256k1;
import io.zgnode.crypto.Signature;
import io.zgnode.crypto.SignatureClaim;
import io.zgnode.ethereum.internal.TransactionParser;
import java.util.Objects;

/**
 * Decodes raw signed transactions, as {@code eth_sendRawTransaction} receives them: legacy
 * (with EIP-155 replay protection or, v = 27/28, without), EIP-2930 (type 1) and EIP-1559
 * (type 2). Blob (type 3) and set-code (type 4) transactions are refused as unsupported.
 *
 * <p>Decoding is strict: canonical RLP only, exactly the fields of the type, no trailing bytes;
 * nonce and gas limit below 2^63 (Ethereum allows a nonce up to 2^64-2, but no account can
 * reach 2^63 transactions, and the API carries nonces as long); fee and value fields within 256
 * bits; {@code to} empty or 20 bytes; y parity 0 or 1; legacy v 27, 28 or
 * {@code chainId * 2 + 35/36}; a signature with s at most n/2 (EIP-2) that recovers a key.
 * Which chain ids to accept, and fee rules such as tip <= fee cap, are the ledger's to check.
 */
public final class TransactionDecoder {
    private TransactionDecoder() {
    }

    /**
     * The transaction {@code raw} encodes, with its hash (Keccak-256 of {@code raw}) and its
     * sender recovered from the signature. Thread-safe; allocates little beyond the result.
     *
     * @throws InvalidTransactionException with a one-line reason
     */
    public static Transaction decode(byte[] raw) throws InvalidTransactionException {
        return decodeWithKey(raw).transaction();
    }

    /**
     * As {@link #decode(byte[])}, with the public key the sender was recovered as: what a node
     * passes on to peers so that they can check the signature against it instead of recovering.
     *
     * @throws InvalidTransactionException with a one-line reason
     */
    public static Recovered decodeWithKey(byte[] raw) throws InvalidTransactionException {
        Objects.requireNonNull(raw, "raw");
        TransactionParser.Parsed parsed = TransactionParser.parse(raw);
        PublicKey sender;
        try {
            sender = Secp256k1.recover(parsed.signingHash(), signature(parsed), Secp256k1.HighS.REJECT);
        } catch (InvalidSignatureException e) {
            throw new InvalidTransactionException("invalid signature: " + e.getMessage());
        }
        return new Recovered(transaction(parsed, raw, Address.of(sender.address())), sender);
    }

    /**
     * The transaction {@code raw} encodes, its sender the one {@code claimedSender} stands for,
     * whose signature is NOT checked here: the caller must check {@link Claimed#claim()} (with
     * {@link Secp256k1#recoverToClaimedKeys}, many at once) before trusting the sender, and
     * recover the sender with {@link #decode(byte[])} if the check fails. The encoding is checked
     * strictly, and a high s refused, as by {@link #decode(byte[])}.
     *
     * @throws InvalidTransactionException with a one-line reason
     */
    public static Claimed decodeClaimed(byte[] raw, PublicKey claimedSender) throws InvalidTransactionException {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(claimedSender, "claimedSender");
        TransactionParser.Parsed parsed = TransactionParser.parse(raw);
        Signature signature = signature(parsed);
        if (!signature.isLowS()) {
            throw new InvalidTransactionException("invalid signature: signature s is greater than n/2 (EIP-2 requires low s)");
        }
        return new Claimed(transaction(parsed, raw, Address.of(claimedSender.address())),
                new SignatureClaim(parsed.signingHash(), signature, claimedSender));
    }

    private static Signature signature(TransactionParser.Parsed parsed) {
        return new Signature(parsed.r(), parsed.s(), parsed.recoveryId());
    }

    private static Transaction transaction(TransactionParser.Parsed parsed, byte[] raw, Address sender) {
        return new Transaction(parsed.type(), parsed.chainId(), parsed.nonce(), parsed.gasPrice(),
                parsed.maxPriorityFeePerGas(), parsed.maxFeePerGas(), parsed.gasLimit(), parsed.to(), parsed.value(),
                parsed.input(), parsed.accessList(), parsed.v(), parsed.r(), parsed.s(), Hash.of(parsed.hash()),
                sender, raw.clone());
    }

    /** A decoded transaction and the key its signature recovers to. */
    public record Recovered(Transaction transaction, PublicKey senderKey) {
    }

    /** A decoded transaction whose sender is claimed, and the claim still to check. */
    public record Claimed(Transaction transaction, SignatureClaim claim) {
    }

    /**
     * The transaction {@code raw} encodes, with the sender already known: for reading back
     * transactions whose signature was checked when they were accepted (stored blocks), without
     * the cost of recovering it again. The encoding is still checked strictly.
     *
     * @throws InvalidTransactionException with a one-line reason
     */
    public static Transaction decode(byte[] raw, Address sender) throws InvalidTransactionException {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(sender, "sender");
        return transaction(TransactionParser.parse(raw), raw, sender);
    }

    /**
     * The hash {@code tx}'s sender signed: what {@link UnsignedTransaction#signingHash()} gives
     * for its fields.
     *
     * @throws IllegalArgumentException if {@code tx.raw()} does not decode (it was not made by
     *     this class or {@link UnsignedTransaction#sign})
     */
    public static Hash signingHash(Transaction tx) {
        try {
            return Hash.of(TransactionParser.parse(tx.raw()).signingHash());
        } catch (InvalidTransactionException e) {
            throw new IllegalArgumentException("transaction " + tx.hash() + " does not decode: " + e.getMessage());
        }
    }
}
