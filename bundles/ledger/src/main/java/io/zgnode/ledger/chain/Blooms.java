package io.zgnode.ledger.chain;

import java.util.List;

import io.zgnode.api.chain.Log;
import io.zgnode.ethereum.LogsBloom;

/** The logs bloom of receipts and blocks. */
final class Blooms {

    private Blooms() {
    }

    static byte[] of(List<Log> logs) {
        return LogsBloom.of(logs).toArray();
    }
}
