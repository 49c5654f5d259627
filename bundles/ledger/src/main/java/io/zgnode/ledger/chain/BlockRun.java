package io.zgnode.ledger.chain;

import java.util.ArrayList;
import java.util.List;

import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.BlockHeader;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.store.WriteBatch;
import io.zgnode.ethereum.LogsBloom;
import io.zgnode.ledger.execution.BlockContext;
import io.zgnode.ledger.execution.NotIncludableException;
import io.zgnode.ledger.execution.Outcome;
import io.zgnode.ledger.execution.TransactionProcessor;
import io.zgnode.ledger.state.StateRoots;
import io.zgnode.ledger.state.WorldState;

/**
 * One block being executed: transactions applied in order on the block's batch, then the state
 * root, the header and the receipts. Used by one thread, once.
 */
final class BlockRun {

    private final WriteBatch batch;
    private final BlockContext context;
    private final TransactionProcessor processor;
    private final WorldState state;
    private final List<Transaction> transactions = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private long gasUsed;

    BlockRun(WriteBatch batch, BlockContext context, TransactionProcessor processor) {
        this.batch = batch;
        this.context = context;
        this.processor = processor;
        this.state = new WorldState(batch);
    }

    /** Applies a transaction; if it cannot be included, nothing changes. */
    void add(Transaction transaction) throws NotIncludableException {
        Outcome outcome = processor.apply(state, context, transaction, context.gasLimit() - gasUsed);
        transactions.add(transaction);
        outcomes.add(outcome);
        gasUsed += outcome.gasUsed();
    }

    long gasLeft() {
        return context.gasLimit() - gasUsed;
    }

    int size() {
        return transactions.size();
    }

    /** Seals the block: state root (written into the batch), roots, bloom, hash, receipts. */
    ExecutedBlockImpl finish(StateRoots roots, Hash parentHash) {
        Hash stateRoot = roots.update(batch, state);
        List<Receipt> unsealed = receipts(Hash.ZERO);
        LogsBloom.Builder bloom = new LogsBloom.Builder();
        for (Receipt receipt : unsealed) {
            bloom.add(LogsBloom.of(receipt.logsBloom()));
        }
        BlockHeader header = HeaderCodec.sealed(new BlockHeader(context.number(), Hash.ZERO, parentHash, context.proposer(),
                context.timestamp(), stateRoot, MerkleRoot.of(transactions.stream().map(t -> t.hash().toArray()).toList()),
                ReceiptCodec.root(unsealed), bloom.build().toArray(), context.gasLimit(), gasUsed, context.baseFee()));
        Block block = new Block(header, transactions);
        return new ExecutedBlockImpl(block, receipts(header.hash()), batch, parentHash);
    }

    private List<Receipt> receipts(Hash blockHash) {
        List<Receipt> receipts = new ArrayList<>(transactions.size());
        long cumulative = 0;
        for (int i = 0; i < transactions.size(); i++) {
            Transaction transaction = transactions.get(i);
            Outcome outcome = outcomes.get(i);
            cumulative += outcome.gasUsed();
            receipts.add(new Receipt(transaction.hash(), i, context.number(), blockHash, transaction.from(), transaction.to(),
                    transaction.type(), cumulative, outcome.gasUsed(), outcome.effectiveGasPrice(), outcome.success(), outcome.logs(),
                    Blooms.of(outcome.logs()), outcome.revertData()));
        }
        return receipts;
    }
}
