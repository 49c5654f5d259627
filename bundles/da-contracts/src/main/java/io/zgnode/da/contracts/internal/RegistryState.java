package io.zgnode.da.contracts.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

import io.zgnode.api.chain.Address;
import io.zgnode.api.contract.ContractState;
import io.zgnode.api.store.Keys;
import io.zgnode.ethereum.RlpItem;

/**
 * Where the signer registry keeps its signers, read with exact keys only (no scans), so that code
 * outside the chain reads it key by key from committed state as the contract does:
 * <pre>
 * n                  how many signers registered by transaction (8 bytes)
 * i || index         the index-th of them in registration order (its 20-byte address)
 * s || address       a registered signer: RLP [stake, fromEpoch]
 * k || address       a signer's socket (UTF-8): every registered signer's; a genesis signer's once updated
 * </pre>
 * Genesis signers are not stored: they come from the genesis.
 */
public final class RegistryState {

    /** A registration: the stake locked and the first epoch it counts in. */
    public record Registration(BigInteger stake, long fromEpoch) {
    }

    private static final byte[] COUNT = {'n'};
    private static final byte INDEX = 'i';
    private static final byte SIGNER = 's';
    private static final byte SOCKET = 'k';

    private final Function<byte[], byte[]> reader;

    /** @param reader the value under a key, or {@code null} */
    public RegistryState(Function<byte[], byte[]> reader) {
        this.reader = reader;
    }

    public long registeredCount() {
        byte[] stored = reader.apply(COUNT);
        return stored == null ? 0 : Keys.toLong(stored, 0);
    }

    /** The address of the {@code index}-th signer registered, {@code 0 <= index < registeredCount()}. */
    public Address registered(long index) {
        byte[] stored = reader.apply(Keys.concat(new byte[] {INDEX}, Keys.ofLong(index)));
        if (stored == null) {
            throw new IllegalStateException("registered signer " + index + " is missing from the registry's state");
        }
        return Address.of(stored);
    }

    public Optional<Registration> registration(Address address) {
        byte[] stored = reader.apply(key(SIGNER, address));
        if (stored == null) {
            return Optional.empty();
        }
        RlpItem fields = RlpItem.decode(stored);
        return Optional.of(new Registration(fields.items().get(0).asBigInteger(), fields.items().get(1).asLong()));
    }

    public Optional<String> socket(Address address) {
        byte[] stored = reader.apply(key(SOCKET, address));
        return stored == null ? Optional.empty() : Optional.of(new String(stored, StandardCharsets.UTF_8));
    }

    /** Records a new signer; the caller checked it is none yet. */
    public void register(ContractState state, Address address, Registration registration, String socket) {
        long index = registeredCount();
        state.put(Keys.concat(new byte[] {INDEX}, Keys.ofLong(index)), address.toArray());
        state.put(key(SIGNER, address), RlpItem.list(RlpItem.of(registration.stake()), RlpItem.of(registration.fromEpoch())).encode());
        putSocket(state, address, socket);
        state.put(COUNT, Keys.ofLong(index + 1));
    }

    public void putSocket(ContractState state, Address address, String socket) {
        state.put(key(SOCKET, address), socket.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] key(byte kind, Address address) {
        return Keys.concat(new byte[] {kind}, address.toArray());
    }
}
