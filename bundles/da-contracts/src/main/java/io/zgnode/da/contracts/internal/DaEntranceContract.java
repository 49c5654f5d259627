package io.zgnode.da.contracts.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Chain;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.contract.CallContext;
import io.zgnode.api.contract.ContractFunction;
import io.zgnode.api.contract.NativeContract;
import io.zgnode.api.contract.RevertException;
import io.zgnode.da.contracts.Certificate;
import io.zgnode.da.contracts.DaGenesis;
import io.zgnode.da.contracts.DaRegistryView;
import io.zgnode.da.contracts.DaSignatures;
import io.zgnode.da.contracts.Quorum;

/**
 * The DA entrance ({@code DAEntrance}, at {@code modules.da.entrance}): takes a blob's certificate,
 * the signatures of its quorum's signers over {@link DaSignatures#message}, and records the data
 * root as available when the signers hold at least two thirds of the quorum's rows, the share from
 * which the blob can be rebuilt with room for faults: {@code 3 x signedRows >= 2 x totalRows} (0G's
 * rule; any {@code dataRows} of the rows rebuild it).
 * <p>
 * A certificate names the epoch it was signed in: the current one, or the one before (a blob
 * dispersed at the end of an epoch lands in the next). The signers and quorum come from the
 * registry's state ({@code CallContext.stateOf}), as this block sees it. Each signature costs what
 * the EVM's ecrecover costs. The interface is in the package documentation of io.zgnode.da.contracts;
 * the state layout in {@link EntranceState}.
 */
@Component(service = NativeContract.class)
public class DaEntranceContract implements NativeContract {

    /** The EVM's ecrecover precompile price. */
    static final long SIGNATURE_GAS = 3_000;

    private final DaGenesis genesis;

    @Activate
    public DaEntranceContract(@Reference Chain chain) {
        this(DaGenesis.of(chain.genesisParameters(DaGenesis.MODULE)));
    }

    public DaEntranceContract(DaGenesis genesis) {
        this.genesis = genesis;
    }

    @Override
    public Address address() {
        return genesis.entrance();
    }

    @Override
    public String name() {
        return "DAEntrance";
    }

    /** Signatures are numbered from 0 in the reasons, as in the array. */
    @ContractFunction(DaAbi.SUBMIT_CERTIFICATE)
    public void submitCertificate(CallContext ctx, Hash dataRoot, long epoch, long quorumId, List<byte[]> signatures) {
        DaRegistryView registry = new DaRegistryView(genesis, ctx.stateOf(genesis.registry())::get);
        long current = registry.epochOf(ctx.blockNumber());
        if (epoch != current && epoch != current - 1) {
            throw new RevertException("epoch " + epoch + " is not current (current " + current + ")");
        }
        Quorum quorum = Reverts.quorum(registry, epoch, quorumId);
        EntranceState certificates = new EntranceState(ctx.state()::get);
        if (certificates.certificate(dataRoot).isPresent()) {
            throw new RevertException(dataRoot + " is already certified");
        }
        QuorumGas.charge(ctx, quorum);
        ctx.chargeGas(SIGNATURE_GAS * signatures.size());
        int signedRows = signedRows(quorum, DaSignatures.message(ctx.chainId(), genesis.entrance(), dataRoot, epoch, quorum.quorumId()),
                signatures);
        int needed = (2 * quorum.totalRows() + 2) / 3;
        if (signedRows < needed) {
            throw new RevertException("insufficient signatures: signers of " + signedRows + " of " + quorum.totalRows() + " rows signed, "
                    + needed + " needed");
        }
        certificates.put(ctx.state(), new Certificate(dataRoot, epoch, quorum.quorumId(), signedRows, ctx.blockNumber()));
        ctx.emit(DaAbi.DATA_CERTIFIED, dataRoot.toArray(), epoch, quorum.quorumId(), signedRows);
    }

    /** The rows the signers of {@code signatures} hold, each signer once. */
    private static int signedRows(Quorum quorum, Hash message, List<byte[]> signatures) {
        Map<Address, Integer> signed = new HashMap<>();
        int rows = 0;
        for (int i = 0; i < signatures.size(); i++) {
            Optional<Address> recovered = DaSignatures.recover(signatures.get(i), message);
            if (recovered.isEmpty()) {
                throw new RevertException("signature " + i + " is not a valid signature (65 bytes r || s || v, v 27 or 28, low s)");
            }
            Address signer = recovered.get();
            int held = quorum.rowCount(signer);
            if (held == 0) {
                throw new RevertException("signature " + i + " recovers to " + signer + ", which holds no row of quorum " + quorum.quorumId()
                        + " in epoch " + quorum.epoch());
            }
            Integer first = signed.putIfAbsent(signer, i);
            if (first != null) {
                throw new RevertException("signature " + i + " is a second signature of " + signer + " (signature " + first + ")");
            }
            rows += held;
        }
        return rows;
    }

    @ContractFunction(value = DaAbi.GET_CERTIFICATE, returns = DaAbi.CERTIFICATE_ANSWER, view = true)
    public DaAbi.CertificateAnswer getCertificate(CallContext ctx, Hash dataRoot) {
        return new EntranceState(ctx.state()::get).certificate(dataRoot)
                .map(c -> new DaAbi.CertificateAnswer(true, c.epoch(), c.quorumId(), c.signedRows(), c.blockNumber()))
                .orElse(new DaAbi.CertificateAnswer(false, 0, 0, 0, 0));
    }
}
