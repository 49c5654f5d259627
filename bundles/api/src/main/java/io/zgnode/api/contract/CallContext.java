package io.zgnode.api.contract;

import java.math.BigInteger;

import org.osgi.annotation.versioning.ProviderType;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;

/** What a contract function sees of its call and what it may do. */
@ProviderType
public interface CallContext {

    /** Who called: the transaction's sender for a direct call. */
    Address caller();

    /** The value sent with the call, already credited to this contract. */
    BigInteger value();

    long blockNumber();

    /** The block's timestamp in seconds (from consensus, the same on every node). */
    long timestamp();

    long chainId();

    /** The transaction being executed; {@link Hash#ZERO} for eth_call. */
    Hash transactionHash();

    /** Whether this is a read-only call (eth_call or a view function): writes revert. */
    boolean isReadOnly();

    /** This contract's storage. */
    ContractState state();

    /**
     * Another native contract's storage, read-only (writes revert), as this call sees it: changes
     * made earlier in the same block are visible. Lets contracts that work together (a registry and
     * the contract that checks against it) share state without copying it.
     *
     * @since 1.1
     */
    ContractState stateOf(Address contract);

    /** The balance of any account. */
    BigInteger balanceOf(Address account);

    /** Pays {@code amount} from this contract's balance; reverts if the balance is short. */
    void transfer(Address to, BigInteger amount);

    /** Charges gas for work the ledger cannot see (hashing, loops); reverts when gas runs out. */
    void chargeGas(long gas);

    long gasLeft();

    /** Records an event in the receipt; {@code values} in declaration order. */
    void emit(ContractEvent event, Object... values);
}
