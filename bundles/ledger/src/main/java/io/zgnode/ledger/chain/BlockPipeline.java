package io.zgnode.ledger.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.BlockHeader;
import io.zgnode.api.chain.ExecutedBlock;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.InvalidBlockException;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.api.contract.Gas;
import io.zgnode.api.store.WriteBatch;
import io.zgnode.ledger.execution.BaseFee;
import io.zgnode.ledger.execution.BlockContext;
import io.zgnode.ledger.execution.CallResult;
import io.zgnode.ledger.execution.NotIncludableException;
import io.zgnode.ledger.execution.TransactionProcessor;
import io.zgnode.ledger.genesis.Genesis;
import io.zgnode.ledger.pool.TransactionPoolImpl;
import io.zgnode.ledger.state.StateRoots;
import io.zgnode.ledger.state.WorldState;

/**
 * Builds, checks and commits blocks, one at a time on top of the head. A block is executed in a
 * write batch of its own, so an executed block changes nothing until it is committed, and a
 * commit (block data, state, state tree, head) is one atomic, durable store commit.
 * <p>
 * All methods are synchronized: consensus drives them from one thread, and the head read by
 * others changes only inside {@link #commit}.
 */
public final class BlockPipeline {

    private static final Logger LOG = Logger.getLogger(BlockPipeline.class.getName());
    /** Transactions a proposal looks at, at most; a block holds what fits its gas. */
    private static final int MAX_CANDIDATES = 20_000;

    private final KeyValueStore store;
    private final BlockStore blocks;
    private final StateRoots roots;
    private final TransactionProcessor processor;
    private final Genesis genesis;
    private final TransactionPoolImpl pool;
    private final BiConsumer<Block, List<Receipt>> committed;
    private volatile BlockHeader head;

    /**
     * @param committed told of each committed block, on the committing thread, after the commit
     */
    public BlockPipeline(KeyValueStore store, BlockStore blocks, StateRoots roots, TransactionProcessor processor, Genesis genesis,
            TransactionPoolImpl pool, BiConsumer<Block, List<Receipt>> committed) {
        this.store = store;
        this.blocks = blocks;
        this.roots = roots;
        this.processor = processor;
        this.genesis = genesis;
        this.pool = pool;
        this.committed = committed;
        this.head = openOrCreate();
    }

    /** The genesis block on a new store; the stored head, after checking the genesis, on an existing one. */
    private BlockHeader openOrCreate() {
        long number = blocks.headNumber(store);
        if (number >= 0) {
            Hash stored = blocks.genesisDocument(store);
            if (!genesis.documentHash().equals(stored)) {
                throw new IllegalStateException("this node's data belongs to another chain (genesis document " + stored
                        + "), not to the genesis it was given (" + genesis.documentHash() + "): use another data directory");
            }
            return blocks.header(number).orElseThrow();
        }
        try (WriteBatch batch = store.newBatch()) {
            Block block = GenesisBlock.build(genesis, roots, batch);
            blocks.write(batch, block, List.of(), new byte[0]);
            blocks.writeGenesisDocument(batch, genesis.documentHash());
            batch.commit();
            LOG.info("genesis block " + block.hash() + " (chain " + genesis.chainId() + ", " + genesis.alloc().size() + " funded accounts)");
            return block.header();
        }
    }

    public BlockHeader head() {
        return head;
    }

    /** The base fee of the block after the head. */
    public BigInteger nextBaseFee() {
        BlockHeader parent = head;
        return parent.number() == 0 ? genesis.baseFeePerGas()
                : BaseFee.next(parent.baseFeePerGas(), parent.gasUsed(), parent.gasLimit(), genesis.minBaseFeePerGas());
    }

    /** The context the next block's transactions run in (also eth_call's). */
    public BlockContext nextContext(Address proposer, long timestamp) {
        BlockHeader parent = head;
        return new BlockContext(genesis.chainId(), parent.number() + 1, timestamp, proposer, nextBaseFee(), genesis.gasLimit());
    }

    public synchronized ExecutedBlock propose(Address proposer, long timestamp) {
        BlockHeader parent = head;
        BlockRun run = new BlockRun(store.newBatch(), nextContext(proposer, Math.max(timestamp, parent.timestamp())), processor);
        for (Transaction transaction : pool.pending(MAX_CANDIDATES)) {
            if (run.gasLeft() < Gas.TRANSACTION) {
                break;
            }
            try {
                run.add(transaction);
            } catch (NotIncludableException e) {
                if (e.reason() == NotIncludableException.Reason.NONCE_TOO_LOW || e.reason() == NotIncludableException.Reason.INVALID) {
                    pool.drop(transaction);
                }
            }
        }
        return run.finish(roots, parent.hash());
    }

    public synchronized ExecutedBlock execute(Block proposed) throws InvalidBlockException {
        BlockHeader parent = head;
        BlockHeader claimed = proposed.header();
        if (!HeaderCodec.sealed(claimed).hash().equals(claimed.hash())) {
            throw new InvalidBlockException("block " + claimed.number() + " has a hash that is not the hash of its header");
        }
        if (claimed.number() != parent.number() + 1 || !claimed.parentHash().equals(parent.hash())) {
            throw new InvalidBlockException("block " + claimed.number() + " does not follow the head " + parent.number() + " " + parent.hash());
        }
        if (claimed.timestamp() < parent.timestamp()) {
            throw new InvalidBlockException("block " + claimed.number() + " has a timestamp before its parent's");
        }
        BlockContext context = nextContext(claimed.proposer(), claimed.timestamp());
        if (!claimed.baseFeePerGas().equals(context.baseFee()) || claimed.gasLimit() != context.gasLimit()) {
            throw new InvalidBlockException("block " + claimed.number() + " has base fee " + claimed.baseFeePerGas() + " and gas limit "
                    + claimed.gasLimit() + ", expected " + context.baseFee() + " and " + context.gasLimit());
        }
        BlockRun run = new BlockRun(store.newBatch(), context, processor);
        ExecutedBlockImpl executed;
        try {
            for (Transaction transaction : proposed.transactions()) {
                run.add(transaction);
            }
            executed = run.finish(roots, parent.hash());
        } catch (NotIncludableException e) {
            throw new InvalidBlockException("block " + claimed.number() + " includes a transaction that cannot be included: " + e.getMessage());
        }
        if (!executed.block().hash().equals(claimed.hash())) {
            executed.batch().close();
            throw new InvalidBlockException("block " + claimed.number() + " executes to " + executed.block().header() + ", not to its header "
                    + claimed);
        }
        return executed;
    }

    public synchronized void commit(ExecutedBlock executed, byte[] certificate) {
        ExecutedBlockImpl block = (ExecutedBlockImpl) executed;
        if (!block.parentHash().equals(head.hash())) {
            throw new IllegalStateException("block " + block.block().number() + " was executed on another head");
        }
        block.finish();
        try (WriteBatch batch = block.batch()) {
            blocks.write(batch, block.block(), block.receipts(), certificate);
            batch.commit();
        }
        head = block.block().header();
        blocks.cache(block.block(), block.receipts());
        pool.blockCommitted(block.block());
        committed.accept(block.block(), block.receipts());
    }

    public synchronized void discard(ExecutedBlock executed) {
        ExecutedBlockImpl block = (ExecutedBlockImpl) executed;
        block.finish();
        block.batch().close();
    }

    /** Runs a read-only call on the head's state (eth_call); nothing it does is kept. */
    public CallResult call(Address from, Address to, BigInteger value, byte[] data, long gasLimit) {
        BlockContext context = nextContext(head.proposer(), head.timestamp());
        try (WriteBatch scratch = store.newBatch()) {
            return processor.call(new WorldState(scratch), context, from, to, value, data, gasLimit);
        }
    }
}
