package io.zgnode.da.contracts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.InvalidSignatureException;
import io.zgnode.crypto.Keccak256;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.crypto.Secp256k1;
import io.zgnode.crypto.Signature;

/**
 * What a DA signer signs for a blob, and how the entrance finds who signed. The message binds the
 * data root to one chain, one entrance contract, one epoch and one quorum, so a signature cannot be
 * replayed on another chain, another deployment or for another quorum:
 * <pre>
 * keccak256("zgnode/da/certificate" || uint256 chainId || entrance (20 bytes) || dataRoot || uint256 epoch || uint256 quorumId)
 * </pre>
 * Signatures are Ethereum's 65 bytes {@code r || s || v} over that hash as is (no
 * "Ethereum Signed Message" prefix: nothing here is shown to a wallet user), v 27 or 28 (0 or 1 are
 * accepted too). Only low-s signatures are accepted (EIP-2), so each signer has one signature per
 * message.
 */
public final class DaSignatures {

    public static final int LENGTH = Signature.LENGTH;
    private static final byte[] DOMAIN = "zgnode/da/certificate".getBytes(StandardCharsets.UTF_8);

    private DaSignatures() {
    }

    /**
     * The hash signers sign for {@code dataRoot}.
     *
     * @throws IllegalArgumentException if a number is negative
     */
    public static Hash message(long chainId, Address entrance, Hash dataRoot, long epoch, int quorumId) {
        return Hash.of(new Keccak256.Hasher().update(DOMAIN).update(Words.uint256(chainId)).update(entrance.toArray()).update(dataRoot.toArray())
                .update(Words.uint256(epoch)).update(Words.uint256(quorumId)).digest());
    }

    /** The 65-byte signature {@code r || s || v} of {@code message}, v 27 or 28. */
    public static byte[] sign(PrivateKey key, Hash message) {
        byte[] signature = key.sign(message.toArray()).toBytes();
        signature[LENGTH - 1] += 27;
        return signature;
    }

    /** Who signed {@code message}; empty for a signature that is malformed or recovers to no key. */
    public static Optional<Address> recover(byte[] signature, Hash message) {
        if (signature == null || signature.length != LENGTH) {
            return Optional.empty();
        }
        int v = signature[LENGTH - 1] & 0xff;
        int recoveryId = v >= 27 ? v - 27 : v;
        if (recoveryId != 0 && recoveryId != 1) {
            return Optional.empty();
        }
        byte[] rs = signature.clone();
        rs[LENGTH - 1] = (byte) recoveryId;
        try {
            return Optional.of(Address.of(Secp256k1.recover(message.toArray(), Signature.fromBytes(rs), Secp256k1.HighS.REJECT).address()));
        } catch (InvalidSignatureException e) {
            return Optional.empty();
        }
    }
}
