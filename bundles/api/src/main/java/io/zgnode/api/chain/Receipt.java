package io.zgnode.api.chain;

import java.math.BigInteger;
import java.util.List;

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
}
