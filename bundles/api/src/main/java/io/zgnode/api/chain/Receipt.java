package io.zgnode.api.chain;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a transaction in a block.
 *
 * @param success whether it executed without reverting (status 1)
 * @param revertData what a reverted call returned (ABI-encoded {@code Error(string)} for a
 *        reason), empty otherwise
 * @param logsBloom the 256-byte Ethereum bloom filter of the logs
 */
public record Receipt(Hash transactionHash, int transactionIndex, long blockNumber, Hash blockHash, Address from, Address to,
        int type, long cumulativeGasUsed, long gasUsed, BigInteger effectiveGasPrice, boolean success, List<Log> logs,
        byte[] logsBloom, byte[] revertData) {

    public Receipt {
        logs = List.copyOf(logs);
    }

    /** Equal when every field is, byte arrays compared by content. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Receipt r && transactionHash.equals(r.transactionHash) && transactionIndex == r.transactionIndex
                && blockNumber == r.blockNumber && blockHash.equals(r.blockHash) && from.equals(r.from) && Objects.equals(to, r.to)
                && type == r.type && cumulativeGasUsed == r.cumulativeGasUsed && gasUsed == r.gasUsed
                && effectiveGasPrice.equals(r.effectiveGasPrice) && success == r.success && logs.equals(r.logs)
                && Arrays.equals(logsBloom, r.logsBloom) && Arrays.equals(revertData, r.revertData);
    }

    @Override
    public int hashCode() {
        return transactionHash.hashCode();
    }
}
