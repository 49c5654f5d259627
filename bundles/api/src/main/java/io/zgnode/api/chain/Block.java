package io.zgnode.api.chain;

import java.util.List;

/** A block: its header and its transactions, in execution order. */
public record Block(BlockHeader header, List<Transaction> transactions) {

    public Block {
        transactions = List.copyOf(transactions);
    }

    public long number() {
        return header.number();
    }

    public Hash hash() {
        return header.hash();
    }
}
