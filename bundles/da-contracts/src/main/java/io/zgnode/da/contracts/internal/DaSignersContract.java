package io.zgnode.da.contracts.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Chain;
import io.zgnode.api.contract.CallContext;
import io.zgnode.api.contract.ContractFunction;
import io.zgnode.api.contract.NativeContract;
import io.zgnode.api.contract.RevertException;
import io.zgnode.da.contracts.DaGenesis;
import io.zgnode.da.contracts.DaRegistryView;
import io.zgnode.da.contracts.Quorum;
import io.zgnode.da.contracts.Signer;

/**
 * The DA signer registry ({@code DASigners}, at {@code modules.da.registry}): accounts register as
 * DA signers with a stake and a socket, and every node draws each epoch's quorum from it. The stake
 * is the value sent with {@code registerSigner}; it stays locked in this contract (nothing releases
 * it yet). A registration counts from the next epoch, so an epoch's signers are known before it
 * begins. The genesis signers are signers from epoch 0 without a transaction. The interface is in
 * the package documentation of io.zgnode.da.contracts; the state layout in {@link RegistryState}.
 */
@Component(service = NativeContract.class)
public class DaSignersContract implements NativeContract {

    private final DaGenesis genesis;

    @Activate
    public DaSignersContract(@Reference Chain chain) {
        this(DaGenesis.of(chain.genesisParameters(DaGenesis.MODULE)));
    }

    public DaSignersContract(DaGenesis genesis) {
        this.genesis = genesis;
    }

    @Override
    public Address address() {
        return genesis.registry();
    }

    @Override
    public String name() {
        return "DASigners";
    }

    @ContractFunction(value = DaAbi.REGISTER_SIGNER, payable = true)
    public void registerSigner(CallContext ctx, String socket) {
        checkSocket(socket);
        BigInteger stake = ctx.value();
        if (stake.compareTo(genesis.minStake()) < 0) {
            throw new RevertException("a stake of " + stake + " wei is below the minimum stake of " + genesis.minStake() + " wei");
        }
        Address caller = ctx.caller();
        if (view(ctx).signer(caller).isPresent()) {
            throw new RevertException(caller + " is already a signer");
        }
        RegistryState.Registration registration = new RegistryState.Registration(stake, genesis.epochOf(ctx.blockNumber()) + 1);
        new RegistryState(ctx.state()::get).register(ctx.state(), caller, registration, socket);
        ctx.emit(DaAbi.NEW_SIGNER, caller, stake, socket);
    }

    @ContractFunction(DaAbi.UPDATE_SOCKET)
    public void updateSocket(CallContext ctx, String socket) {
        checkSocket(socket);
        Address caller = ctx.caller();
        if (view(ctx).signer(caller).isEmpty()) {
            throw new RevertException(caller + " is not a signer");
        }
        new RegistryState(ctx.state()::get).putSocket(ctx.state(), caller, socket);
        ctx.emit(DaAbi.SOCKET_UPDATED, caller, socket);
    }

    @ContractFunction(value = DaAbi.EPOCH_NUMBER, returns = "uint256", view = true)
    public long epochNumber(CallContext ctx) {
        return genesis.epochOf(ctx.blockNumber());
    }

    @ContractFunction(value = DaAbi.IS_SIGNER, returns = "bool", view = true)
    public boolean isSigner(CallContext ctx, Address account) {
        return view(ctx).signer(account).isPresent();
    }

    @ContractFunction(value = DaAbi.QUORUM_COUNT, returns = "uint256", view = true)
    public int quorumCount(CallContext ctx, long epoch) {
        return view(ctx).quorumCount(epoch);
    }

    /** Row i's signer, for every row of the quorum. */
    @ContractFunction(value = DaAbi.GET_QUORUM, returns = "address[]", view = true)
    public List<Address> getQuorum(CallContext ctx, long epoch, long quorumId) {
        Quorum quorum = Reverts.quorum(view(ctx), epoch, quorumId);
        QuorumGas.charge(ctx, quorum);
        return quorum.rowSigners();
    }

    @ContractFunction(value = DaAbi.GET_SIGNER, returns = DaAbi.SIGNER_INFOS, view = true)
    public List<DaAbi.SignerInfo> getSigner(CallContext ctx, List<Address> accounts) {
        DaRegistryView view = view(ctx);
        List<DaAbi.SignerInfo> signers = new ArrayList<>(accounts.size());
        for (Address account : accounts) {
            Signer signer = view.signer(account).orElseThrow(() -> new RevertException(account + " is not a signer"));
            signers.add(new DaAbi.SignerInfo(signer.address(), signer.socket(), signer.stake(), signer.fromEpoch()));
        }
        return signers;
    }

    private DaRegistryView view(CallContext ctx) {
        return new DaRegistryView(genesis, ctx.state()::get);
    }

    private static void checkSocket(String socket) {
        try {
            Signer.checkSocket(socket);
        } catch (IllegalArgumentException e) {
            throw new RevertException(e.getMessage());
        }
    }
}
