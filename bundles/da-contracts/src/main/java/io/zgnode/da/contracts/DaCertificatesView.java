package io.zgnode.da.contracts;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.zgnode.api.chain.Hash;
import io.zgnode.da.contracts.internal.EntranceState;

/**
 * The DA entrance's certificates read from its state, given as a function (key to value, or null):
 * {@code ctx.state()::get} inside the contract, {@code key -> chain.contractStorage(entrance, key).orElse(null)}
 * outside the chain.
 */
public final class DaCertificatesView {

    private final EntranceState state;

    public DaCertificatesView(Function<byte[], byte[]> entranceState) {
        this.state = new EntranceState(Objects.requireNonNull(entranceState, "entranceState"));
    }

    /** The certificate of a data root; empty if it is not certified. */
    public Optional<Certificate> certificate(Hash dataRoot) {
        return state.certificate(dataRoot);
    }
}
