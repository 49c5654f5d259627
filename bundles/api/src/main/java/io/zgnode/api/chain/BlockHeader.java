package io.zgnode.api.chain;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A block's header. Height 0 is the genesis block.
 *
 * @param timestamp seconds since the epoch, supplied by consensus
 * @param stateRoot the authenticated root of all state after this block
 * @param baseFeePerGas the EIP-1559 base fee of this block (burned)
 */
public record BlockHeader(long number, Hash hash, Hash parentHash, Address proposer, long timestamp, Hash stateRoot,
        Hash transactionsRoot, Hash receiptsRoot, byte[] logsBloom, long gasLimit, long gasUsed, BigInteger baseFeePerGas) {

    /** Equal when every field is, the bloom's bytes included. */
    @Override
    public boolean equals(Object other) {
        return other instanceof BlockHeader h && number == h.number && hash.equals(h.hash) && parentHash.equals(h.parentHash)
                && proposer.equals(h.proposer) && timestamp == h.timestamp && stateRoot.equals(h.stateRoot)
                && transactionsRoot.equals(h.transactionsRoot) && receiptsRoot.equals(h.receiptsRoot) && Arrays.equals(logsBloom, h.logsBloom)
                && gasLimit == h.gasLimit && gasUsed == h.gasUsed && baseFeePerGas.equals(h.baseFeePerGas);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }
}
