package io.zgnode.da.contracts;

import io.zgnode.api.chain.Address;
import io.zgnode.api.contract.CallContext;
import io.zgnode.api.contract.ContractEvent;
import io.zgnode.api.contract.ContractFunction;
import io.zgnode.api.contract.NativeContract;

/**
 * A contract that looks at the registry's state through {@code CallContext.stateOf}, as the
 * entrance does, and reports what it sees in an event; and tries to write there.
 */
public class RegistryProbe implements NativeContract {

    static final Address ADDRESS = Address.of("0x0000000000000000000000000000000000000dad");
    static final ContractEvent SEEN = ContractEvent.of("Seen(address indexed account, bool signer)");

    private final DaGenesis genesis;

    RegistryProbe(DaGenesis genesis) {
        this.genesis = genesis;
    }

    @Override
    public Address address() {
        return ADDRESS;
    }

    @ContractFunction("look(address)")
    public void look(CallContext ctx, Address account) {
        ctx.emit(SEEN, account, new DaRegistryView(genesis, ctx.stateOf(genesis.registry())::get).signer(account).isPresent());
    }

    @ContractFunction("scribble()")
    public void scribble(CallContext ctx) {
        ctx.stateOf(genesis.registry()).put(new byte[] {'n'}, new byte[8]);
    }
}
