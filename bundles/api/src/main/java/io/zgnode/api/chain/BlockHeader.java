package io.zgnode.api.chain;

import java.math.BigInteger;

/**
 * A block's header. Height 0 is the genesis block.
 *
 * @param timestamp seconds since the epoch, supplied by consensus
 * @param stateRoot the authenticated root of all state after this block
 * @param baseFeePerGas the EIP-1559 base fee of this block (burned)
 */
public record BlockHeader(long number, Hash hash, Hash parentHash, Address proposer, long timestamp, Hash stateRoot,
        Hash transactionsRoot, Hash receiptsRoot, byte[] logsBloom, long gasLimit, long gasUsed, BigInteger baseFeePerGas) {
}
