package io.zgnode.ledger.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import io.zgnode.api.chain.Account;
import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.BlockHeader;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.store.WriteBatch;
import io.zgnode.ethereum.LogsBloom;
import io.zgnode.ledger.genesis.Genesis;
import io.zgnode.ledger.state.StateRoots;
import io.zgnode.ledger.state.WorldState;

/** Block 0: the genesis allocation as state, no transactions, no parent. */
final class GenesisBlock {

    private GenesisBlock() {
    }

    /** Writes the genesis state into {@code batch} and returns the genesis block. */
    static Block build(Genesis genesis, StateRoots roots, WriteBatch batch) {
        WorldState state = new WorldState(batch);
        for (Map.Entry<Address, BigInteger> entry : genesis.alloc().entrySet()) {
            state.setAccount(entry.getKey(), new Account(entry.getValue(), 0));
        }
        Hash stateRoot = roots.update(batch, state);
        BlockHeader header = HeaderCodec.sealed(new BlockHeader(0, Hash.ZERO, Hash.ZERO, Address.ZERO, genesis.timestamp(), stateRoot,
                MerkleRoot.EMPTY, MerkleRoot.EMPTY, LogsBloom.EMPTY.toArray(), genesis.gasLimit(), 0, genesis.baseFeePerGas()));
        return new Block(header, List.of());
    }
}
