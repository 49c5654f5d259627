package io.zgnode.consensus.bft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.BlockHeader;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.chain.TransactionPool;
import io.zgnode.consensus.bft.core.InvalidMessageException;
import io.zgnode.crypto.Keccak256;
import io.zgnode.ethereum.InvalidTransactionException;
import io.zgnode.ethereum.RlpItem;
import io.zgnode.ethereum.TransactionDecoder;

/**
 * A whole block on the wire (proposals, block sync):
 * <pre>
 * rlp([[number, hash, parentHash, proposer, timestamp, stateRoot, transactionsRoot, receiptsRoot,
 *       logsBloom, gasLimit, gasUsed, baseFeePerGas], [rawTransaction, ...]])
 * </pre>
 * The header travels with its claimed hash; executing the block checks that hash against the
 * header and the transactions.
 */
final class BlockCodec {

    private BlockCodec() {
    }

    static byte[] encode(Block block) {
        BlockHeader h = block.header();
        RlpItem header = RlpItem.list(RlpItem.of(h.number()), RlpItem.of(h.hash()), RlpItem.of(h.parentHash()), RlpItem.of(h.proposer()),
                RlpItem.of(h.timestamp()), RlpItem.of(h.stateRoot()), RlpItem.of(h.transactionsRoot()), RlpItem.of(h.receiptsRoot()),
                RlpItem.of(h.logsBloom()), RlpItem.of(h.gasLimit()), RlpItem.of(h.gasUsed()), RlpItem.of(h.baseFeePerGas()));
        List<RlpItem> transactions = new ArrayList<>(block.transactions().size());
        for (Transaction transaction : block.transactions()) {
            transactions.add(RlpItem.of(transaction.raw()));
        }
        return RlpItem.list(header, RlpItem.list(transactions)).encode();
    }

    /** The header only: cheap, for checks on network threads. */
    static BlockHeader header(byte[] encoded) throws InvalidMessageException {
        return header(parts(encoded).get(0));
    }

    /**
     * The block, its transactions' senders taken from the pool when it holds them (no signature
     * to recover again), otherwise recovered.
     *
     * @param pool may be {@code null}
     */
    static Block decode(byte[] encoded, TransactionPool pool) throws InvalidMessageException {
        List<RlpItem> parts = parts(encoded);
        BlockHeader header = header(parts.get(0));
        List<RlpItem> raws;
        try {
            raws = parts.get(1).items();
        } catch (RuntimeException e) {
            throw new InvalidMessageException("block " + header.number() + ": transactions: " + e.getMessage());
        }
        List<Transaction> transactions = new ArrayList<>(raws.size());
        for (int i = 0; i < raws.size(); i++) {
            byte[] raw;
            try {
                raw = raws.get(i).bytes();
            } catch (RuntimeException e) {
                throw new InvalidMessageException("block " + header.number() + ": transaction " + i + " is not a byte string");
            }
            transactions.add(transaction(raw, pool, header.number(), i));
        }
        return new Block(header, transactions);
    }

    private static Transaction transaction(byte[] raw, TransactionPool pool, long number, int index) throws InvalidMessageException {
        if (pool != null) {
            Optional<Transaction> pooled = pool.get(Hash.of(Keccak256.hash(raw)));
            if (pooled.isPresent() && Arrays.equals(pooled.get().raw(), raw)) {
                return pooled.get();
            }
        }
        try {
            return TransactionDecoder.decode(raw);
        } catch (InvalidTransactionException | RuntimeException e) {
            throw new InvalidMessageException("block " + number + ": transaction " + index + ": " + e.getMessage());
        }
    }

    private static List<RlpItem> parts(byte[] encoded) throws InvalidMessageException {
        try {
            RlpItem item = RlpItem.decode(encoded);
            if (!item.isList() || item.items().size() != 2) {
                throw new InvalidMessageException("a block is a list of header and transactions");
            }
            return item.items();
        } catch (RuntimeException e) {
            throw new InvalidMessageException("block: " + e.getMessage());
        }
    }

    private static BlockHeader header(RlpItem item) throws InvalidMessageException {
        try {
            List<RlpItem> f = item.items();
            if (f.size() != 12) {
                throw new InvalidMessageException("a block header has 12 fields, found " + f.size());
            }
            return new BlockHeader(f.get(0).asLong(), f.get(1).asHash(), f.get(2).asHash(), f.get(3).asAddress(), f.get(4).asLong(),
                    f.get(5).asHash(), f.get(6).asHash(), f.get(7).asHash(), f.get(8).bytes(), f.get(9).asLong(), f.get(10).asLong(),
                    f.get(11).asBigInteger());
        } catch (RuntimeException e) {
            throw new InvalidMessageException("block header: " + e.getMessage());
        }
    }
}
