package io.zgnode.ledger.chain;

import java.util.List;

import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.ExecutedBlock;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.store.WriteBatch;

/** An executed block holding its uncommitted batch. */
final class ExecutedBlockImpl implements ExecutedBlock {

    private final Block block;
    private final List<Receipt> receipts;
    private final WriteBatch batch;
    private final Hash parentHash;
    private boolean done;

    ExecutedBlockImpl(Block block, List<Receipt> receipts, WriteBatch batch, Hash parentHash) {
        this.block = block;
        this.receipts = List.copyOf(receipts);
        this.batch = batch;
        this.parentHash = parentHash;
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public List<Receipt> receipts() {
        return receipts;
    }

    WriteBatch batch() {
        return batch;
    }

    Hash parentHash() {
        return parentHash;
    }

    /** Marks the block committed or discarded; a second use is a bug in the caller. */
    void finish() {
        if (done) {
            throw new IllegalStateException("block " + block.number() + " was committed or discarded already");
        }
        done = true;
    }
}
