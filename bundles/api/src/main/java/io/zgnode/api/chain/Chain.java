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
     * A module's section of the genesis file ({@code "modules": {"storage": {...}}}) as plain
     * Java values (maps, lists, strings, numbers as BigInteger or BigDecimal, booleans), or an
     * empty map.
     */
    Map<String, Object> genesisParameters(String module);
}
