package io.zgnode.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.ExecutedBlock;
import io.zgnode.api.chain.Transaction;
import io.zgnode.ledger.Ledger;
import io.zgnode.ledger.genesis.DevGenesis;
import io.zgnode.ledger.genesis.Genesis;
import io.zgnode.ledger.genesis.GenesisReader;
import io.zgnode.store.internal.MapDbStore;

/**
 * The ledger alone: a validator executing blocks of value transfers whose senders are known
 * (recovered when the transactions were admitted), then committing them: execution, fees, the
 * state root update, receipts and the durable store commit. The blocks are made first by a
 * second ledger (not timed).
 */
public final class ExecutionBench {

    private static final int ACCOUNTS = 2_000;
    private static final int PER_ACCOUNT = 30;
    private static final int BLOCK_SIZE = 5_000;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("zgnode-execution");
        BenchAccounts accounts = new BenchAccounts(ACCOUNTS);
        Genesis genesis = GenesisReader.parse(DevGenesis.json(accounts.genesis()));
        List<Transaction> transactions = accounts.transfers(PER_ACCOUNT);

        List<Block> blocks = new ArrayList<>();
        try (Opened producer = new Opened(dir.resolve("producer"), genesis)) {
            long time = 1;
            for (int from = 0; from < transactions.size(); from += BLOCK_SIZE) {
                for (Transaction transaction : transactions.subList(from, Math.min(transactions.size(), from + BLOCK_SIZE))) {
                    producer.ledger.submit(transaction.raw());
                }
                ExecutedBlock block = producer.ledger.propose(Address.ZERO, time++);
                producer.ledger.commit(block, new byte[0]);
                blocks.add(block.block());
            }
        }
        System.out.printf("made %d blocks of %d transfers from %d accounts%n", blocks.size(), BLOCK_SIZE, ACCOUNTS);

        try (Opened validator = new Opened(dir.resolve("validator"), genesis)) {
            long executeNanos = 0;
            long commitNanos = 0;
            int count = 0;
            for (Block block : blocks) {
                long started = System.nanoTime();
                ExecutedBlock executed = validator.ledger.execute(block);
                long executed_ = System.nanoTime();
                validator.ledger.commit(executed, new byte[0]);
                commitNanos += System.nanoTime() - executed_;
                executeNanos += executed_ - started;
                count += block.transactions().size();
            }
            double seconds = (executeNanos + commitNanos) / 1e9;
            System.out.printf("ledger execution of known-sender transfers: %.0f tx/s (%d transactions; execute + state root %.0f ms, commit %.0f ms per block)%n",
                    count / seconds, count, executeNanos / 1e6 / blocks.size(), commitNanos / 1e6 / blocks.size());
        }
    }

    /** A ledger on a store of its own. */
    private static final class Opened implements AutoCloseable {
        final MapDbStore store;
        final Ledger ledger;

        Opened(Path dir, Genesis genesis) {
            store = MapDbStore.open(dir);
            ledger = Ledger.open(genesis, store);
        }

        @Override
        public void close() throws InterruptedException {
            ledger.stop();
            store.close();
        }
    }
}
