package io.zgnode.da.contracts.internal;

import io.zgnode.api.contract.RevertException;
import io.zgnode.da.contracts.DaRegistryView;
import io.zgnode.da.contracts.Quorum;

/** What both contracts refuse the same way. */
final class Reverts {

    private Reverts() {
    }

    /** The quorum, or a revert saying why there is none. */
    static Quorum quorum(DaRegistryView registry, long epoch, long quorumId) {
        if (quorumId > Integer.MAX_VALUE) {
            throw new RevertException("quorum " + quorumId + " does not exist in epoch " + epoch);
        }
        try {
            return registry.quorum(epoch, (int) quorumId);
        } catch (IllegalArgumentException e) {
            throw new RevertException(e.getMessage());
        }
    }
}
