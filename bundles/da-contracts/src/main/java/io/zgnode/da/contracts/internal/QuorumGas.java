package io.zgnode.da.contracts.internal;

import io.zgnode.api.contract.CallContext;
import io.zgnode.da.contracts.Quorum;

/** The gas of drawing a quorum, hashing the ledger cannot see: about one Keccak-256 a row and one a signer. */
final class QuorumGas {

    /** What the EVM charges for a 64-byte Keccak-256 (30 + 6 per word). */
    static final long KECCAK_GAS = 42;

    private QuorumGas() {
    }

    static void charge(CallContext ctx, Quorum quorum) {
        ctx.chargeGas(KECCAK_GAS * (quorum.totalRows() + quorum.members().size()));
    }
}
