package io.zgnode.da.contracts;

import java.math.BigInteger;
import java.util.Objects;

import io.zgnode.api.chain.Address;

/**
 * A signer the genesis names ({@code modules.da.signers[i]}): a signer from epoch 0 without a
 * transaction, its stake not taken from any balance. Its socket may later be changed by
 * {@code updateSocket}, which the registry's state then holds.
 */
public record GenesisSigner(Address address, BigInteger stake, String socket) {

    public GenesisSigner {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(stake, "stake");
        Signer.checkSocket(socket);
    }
}
