package io.zgnode.ledger.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Log;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.chain.Transaction;
import io.zgnode.ethereum.RlpItem;

/**
 * What a receipt adds to its transaction, as stored: RLP of
 * {@code [status, cumulativeGasUsed, gasUsed, effectiveGasPrice, [[address, [topics], data]...],
 * revertData]}. The rest (hashes, sender, index, bloom) is derived from the block when read.
 */
final class ReceiptCodec {

    private ReceiptCodec() {
    }

    static RlpItem encode(Receipt receipt) {
        List<RlpItem> logs = new ArrayList<>();
        for (Log log : receipt.logs()) {
            logs.add(RlpItem.list(RlpItem.of(log.address()), RlpItem.list(log.topics().stream().map(RlpItem::of).toList()),
                    RlpItem.of(log.data())));
        }
        return RlpItem.list(RlpItem.of(receipt.success() ? 1 : 0), RlpItem.of(receipt.cumulativeGasUsed()), RlpItem.of(receipt.gasUsed()),
                RlpItem.of(receipt.effectiveGasPrice()), RlpItem.list(logs), RlpItem.of(receipt.revertData()));
    }

    static byte[] encodeAll(List<Receipt> receipts) {
        return RlpItem.list(receipts.stream().map(ReceiptCodec::encode).toList()).encode();
    }

    static List<Receipt> decodeAll(byte[] encoded, Block block) {
        List<RlpItem> items = RlpItem.decode(encoded).items();
        List<Receipt> receipts = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            receipts.add(decode(items.get(i), block, i));
        }
        return receipts;
    }

    private static Receipt decode(RlpItem item, Block block, int index) {
        List<RlpItem> f = item.items();
        List<Log> logs = new ArrayList<>();
        for (RlpItem log : f.get(4).items()) {
            List<RlpItem> l = log.items();
            logs.add(new Log(l.get(0).asAddress(), l.get(1).items().stream().map(RlpItem::asHash).toList(), l.get(2).bytes()));
        }
        Transaction transaction = block.transactions().get(index);
        BigInteger price = f.get(3).asBigInteger();
        return new Receipt(transaction.hash(), index, block.number(), block.hash(), transaction.from(), transaction.to(),
                transaction.type(), f.get(1).asLong(), f.get(2).asLong(), price, f.get(0).asLong() == 1, logs, Blooms.of(logs),
                f.get(5).bytes());
    }

    /** The hash a receipt contributes to the receipts root. */
    static byte[] leafHash(Receipt receipt) {
        return io.zgnode.crypto.Keccak256.hash(encode(receipt).encode());
    }

    static Hash root(List<Receipt> receipts) {
        return MerkleRoot.of(receipts.stream().map(ReceiptCodec::leafHash).toList());
    }
}
