package io.zgnode.ledger.execution;

import io.zgnode.api.chain.Transaction;
import io.zgnode.api.contract.Gas;

/** The gas a transaction costs before it runs: the base, its calldata and its access list. */
public final class IntrinsicGas {

    private IntrinsicGas() {
    }

    public static long of(Transaction transaction) {
        return of(transaction.input(), transaction.accessList().size(),
                transaction.accessList().stream().mapToLong(entry -> entry.storageKeys().size()).sum());
    }

    public static long of(byte[] input, long accessListAddresses, long accessListKeys) {
        long gas = Gas.TRANSACTION;
        for (byte b : input) {
            gas += b == 0 ? Gas.CALLDATA_ZERO_BYTE : Gas.CALLDATA_BYTE;
        }
        return gas + accessListAddresses * Gas.ACCESS_LIST_ADDRESS + accessListKeys * Gas.ACCESS_LIST_KEY;
    }
}
