package io.zgnode.da.contracts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.zgnode.api.chain.Address;
import io.zgnode.da.contracts.internal.RegistryState;

/**
 * The signer registry read from its state: the genesis signers merged with those registered by
 * transaction, and the quorums drawn from them. The state is given as a function (key to value, or
 * null), so the same code runs inside a contract ({@code ctx.stateOf(registry)::get}) and outside
 * the chain ({@code key -> chain.contractStorage(registry, key).orElse(null)}). Every read is of one
 * exact key.
 * <p>
 * An epoch's signers (and so its quorum) are fixed once the epoch has begun, since a registration
 * counts from the epoch after the one it is made in; a later epoch's may still grow.
 */
public final class DaRegistryView {

    private final DaGenesis genesis;
    private final RegistryState state;

    public DaRegistryView(DaGenesis genesis, Function<byte[], byte[]> registryState) {
        this.genesis = Objects.requireNonNull(genesis, "genesis");
        this.state = new RegistryState(Objects.requireNonNull(registryState, "registryState"));
    }

    /** The epoch of block {@code blockNumber}. */
    public long epochOf(long blockNumber) {
        return genesis.epochOf(blockNumber);
    }

    /** The signers active in {@code epoch}, by address. */
    public List<Signer> signers(long epoch) {
        List<Signer> active = new ArrayList<>();
        for (GenesisSigner signer : genesis.signers()) {
            active.add(fromGenesis(signer));
        }
        long registered = state.registeredCount();
        for (long i = 0; i < registered; i++) {
            Signer signer = fromRegistry(state.registered(i)).orElseThrow();
            if (signer.isActiveIn(epoch)) {
                active.add(signer);
            }
        }
        active.sort(Comparator.comparing(Signer::address));
        return active;
    }

    /** The signer with this address, whatever epoch it counts from; empty if it is none. */
    public Optional<Signer> signer(Address address) {
        Optional<GenesisSigner> fromGenesis = genesis.genesisSigner(address);
        return fromGenesis.isPresent() ? fromGenesis.map(this::fromGenesis) : fromRegistry(address);
    }

    /** How many quorums {@code epoch} has: 1 when a signer is active in it, else 0. */
    public int quorumCount(long epoch) {
        if (!genesis.signers().isEmpty()) {
            return 1;
        }
        return signers(epoch).isEmpty() ? 0 : 1;
    }

    /**
     * Quorum {@code quorumId} of {@code epoch}.
     *
     * @throws IllegalArgumentException if the epoch has no such quorum
     */
    public Quorum quorum(long epoch, int quorumId) {
        List<Signer> active = signers(epoch);
        int count = active.isEmpty() ? 0 : 1;
        if (count == 0) {
            throw new IllegalArgumentException("epoch " + epoch + " has no quorum: no signer is active in it");
        }
        if (quorumId < 0 || quorumId >= count) {
            throw new IllegalArgumentException("quorum " + quorumId + " does not exist in epoch " + epoch + ", which has " + count);
        }
        return Quorum.draw(epoch, active, genesis.totalRows());
    }

    private Signer fromGenesis(GenesisSigner signer) {
        String socket = state.socket(signer.address()).orElse(signer.socket());
        return new Signer(signer.address(), signer.stake(), socket, 0);
    }

    private Optional<Signer> fromRegistry(Address address) {
        return state.registration(address).map(registration -> new Signer(address, registration.stake(),
                state.socket(address).orElseThrow(() -> new IllegalStateException("the socket of signer " + address + " is missing")),
                registration.fromEpoch()));
    }
}
