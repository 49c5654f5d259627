package io.zgnode.storage.flow;

import java.math.BigInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Chain;
import io.zgnode.api.contract.CallContext;
import io.zgnode.api.contract.ContractFunction;
import io.zgnode.api.contract.NativeContract;

/**
 * 0G's fixed-price Market contract as the official SDK reads it:
 * <pre>
 * function pricePerSector() view returns (uint256);   // wei per 256-byte sector
 * function flow() view returns (address);
 * </pre>
 * The price is the genesis's. The Flow contract pays every submission's value here, where it stays
 * until a reward module distributes it.
 */
@Component(service = NativeContract.class)
public class MarketContract implements NativeContract {

    private final StorageGenesis genesis;

    @Activate
    public MarketContract(@Reference Chain chain) {
        this(StorageGenesis.of(chain.genesisParameters(StorageGenesis.MODULE)));
    }

    MarketContract(StorageGenesis genesis) {
        this.genesis = genesis;
    }

    @Override
    public Address address() {
        return genesis.market();
    }

    @Override
    public String name() {
        return "Market";
    }

    @ContractFunction(value = "pricePerSector()", returns = "uint256", view = true)
    public BigInteger pricePerSector(CallContext ctx) {
        return genesis.pricePerSector();
    }

    @ContractFunction(value = "flow()", returns = "address", view = true)
    public Address flow(CallContext ctx) {
        return genesis.flow();
    }
}
