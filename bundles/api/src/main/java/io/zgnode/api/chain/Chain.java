package io.zgnode.api.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Read access to the committed chain. */
@ProviderType
public interface Chain {

    long chainId();

    /** The last committed block's header. */
    BlockHeader head();

    Optional<Block> block(long number);

    Optional<Block> block(Hash hash);

    /** A committed transaction and where it is. */
    Optional<Transaction> transaction(Hash hash);

    Optional<Receipt> receipt(Hash hash);

    /** The receipts of a committed block, in order. */
    List<Receipt> receipts(long number);

    /** The account's state after the last committed block. */
    Account account(Address address);

    default BigInteger balance(Address address) {
        return account(address).balance();
    }

    /**
     * What a native contract stored under {@code key} ({@link io.zgnode.api.contract.ContractState}),
     * as of the last committed block: how a module serves its contract's state outside calls.
     */
    Optional<byte[]> contractStorage(Address contract, byte[] key);

    /**
     * The genesis document as plain Java values (maps, lists, strings, numbers as BigInteger or
     * BigDecimal, booleans). Modules read their own section, {@code "modules": {"storage": ...}};
     * {@code "validators"} lists the initial validator set.
     */
    Map<String, Object> genesis();

    /** A module's section of the genesis ({@code modules.NAME}), or an empty map. */
    @SuppressWarnings("unchecked")
    default Map<String, Object> genesisParameters(String module) {
        Object modules = genesis().get("modules");
        Object section = modules instanceof Map<?, ?> map ? map.get(module) : null;
        return section instanceof Map<?, ?> found ? (Map<String, Object>) found : Map.of();
    }
}
