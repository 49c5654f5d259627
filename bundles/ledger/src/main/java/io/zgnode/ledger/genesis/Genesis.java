package io.zgnode.ledger.genesis;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;

/**
 * A chain's genesis, checked.
 *
 * @param alloc balances at height 0, by address
 * @param validators the initial validator set, in the document's order
 * @param document the whole document as plain Java values (modules read their sections)
 * @param documentHash Keccak-256 of the document's canonical JSON: a node refuses to reopen its
 *        data with another genesis
 */
public record Genesis(long chainId, long timestamp, long gasLimit, BigInteger baseFeePerGas, BigInteger minBaseFeePerGas,
        SortedMap<Address, BigInteger> alloc, List<Validator> validators, Map<String, Object> document, Hash documentHash) {

    /**
     * A validator of the initial set.
     *
     * @param address its account (fees and, later, stake)
     * @param power its voting power
     * @param publicKey its consensus key (Ed25519, 32 bytes), or {@code null} where no consensus
     *        engine needs one (a solo chain)
     */
    public record Validator(Address address, long power, byte[] publicKey) {
    }
}
