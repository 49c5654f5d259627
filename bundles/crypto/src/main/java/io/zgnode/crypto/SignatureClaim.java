package io.zgnode.crypto;

import io.zgnode.crypto.internal.Checks;
import java.util.Objects;

/**
 * A claim that {@code signature} over {@code hash} was made by {@code key}, in the sense of
 * recovery: {@link Secp256k1#recover} of the two gives exactly {@code key}. Checked many at a
 * time by {@link Secp256k1#recoverToClaimedKeys}.
 */
public record SignatureClaim(byte[] hash, Signature signature, PublicKey key) {

    /** @throws IllegalArgumentException if {@code hash} is not 32 bytes */
    public SignatureClaim {
        Checks.requireLength(hash, 32, "hash");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(key, "key");
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }
}
