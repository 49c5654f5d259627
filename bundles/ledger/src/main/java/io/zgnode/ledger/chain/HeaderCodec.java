package io.zgnode.ledger.chain;

import java.util.List;

import io.zgnode.api.chain.BlockHeader;
import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;
import io.zgnode.ethereum.RlpItem;

/**
 * A header's canonical encoding, RLP of
 * {@code [parentHash, proposer, stateRoot, transactionsRoot, receiptsRoot, logsBloom, number,
 * gasLimit, gasUsed, timestamp, baseFeePerGas]}; the block hash is its Keccak-256.
 */
final class HeaderCodec {

    private HeaderCodec() {
    }

    static byte[] encode(BlockHeader header) {
        return RlpItem.list(RlpItem.of(header.parentHash()), RlpItem.of(header.proposer()), RlpItem.of(header.stateRoot()),
                RlpItem.of(header.transactionsRoot()), RlpItem.of(header.receiptsRoot()), RlpItem.of(header.logsBloom()),
                RlpItem.of(header.number()), RlpItem.of(header.gasLimit()), RlpItem.of(header.gasUsed()), RlpItem.of(header.timestamp()),
                RlpItem.of(header.baseFeePerGas())).encode();
    }

    /** The header with its hash filled in. */
    static BlockHeader sealed(BlockHeader header) {
        return withHash(header, Hash.of(Keccak256.hash(encode(header))));
    }

    static BlockHeader decode(byte[] encoded) {
        List<RlpItem> f = RlpItem.decode(encoded).items();
        BlockHeader header = new BlockHeader(f.get(6).asLong(), Hash.ZERO, f.get(0).asHash(), f.get(1).asAddress(), f.get(9).asLong(),
                f.get(2).asHash(), f.get(3).asHash(), f.get(4).asHash(), f.get(5).bytes(), f.get(7).asLong(), f.get(8).asLong(),
                f.get(10).asBigInteger());
        return withHash(header, Hash.of(Keccak256.hash(encoded)));
    }

    private static BlockHeader withHash(BlockHeader h, Hash hash) {
        return new BlockHeader(h.number(), hash, h.parentHash(), h.proposer(), h.timestamp(), h.stateRoot(), h.transactionsRoot(),
                h.receiptsRoot(), h.logsBloom(), h.gasLimit(), h.gasUsed(), h.baseFeePerGas());
    }
}
