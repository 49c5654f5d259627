package io.zgnode.storage.flow;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.ExecutedBlock;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.chain.TransactionRejectedException;
import io.zgnode.ethereum.UnsignedTransaction;
import io.zgnode.ledger.Ledger;
import io.zgnode.ledger.execution.CallResult;
import io.zgnode.ledger.genesis.DevGenesis;
import io.zgnode.ledger.genesis.GenesisException;
import io.zgnode.ledger.genesis.GenesisReader;
import io.zgnode.store.internal.MapDbStore;

/**
 * A development chain on a real store with the Flow and Market contracts and the flow log wired
 * as the framework wires them, driven by hand: transactions go to the pool, {@link #produce()}
 * makes and commits a block.
 */
final class FlowChain implements AutoCloseable {

    static final long CHAIN_ID = DevGenesis.DEFAULT_CHAIN_ID;
    static final BigInteger GWEI = BigInteger.TEN.pow(9);
    private static final Address PROPOSER = Address.of("0x00000000000000000000000000000000000000aa");

    final MapDbStore store;
    final Ledger ledger;
    final FlowLogService flowLog;
    final StorageGenesis storage;
    private final long[] nonces = new long[DevGenesis.ACCOUNTS];
    private long time = 1_000;

    /** @param storageSection the genesis's {@code modules.storage}, or an empty map for the defaults */
    FlowChain(Path directory, Map<String, Object> storageSection) throws GenesisException {
        store = MapDbStore.open(directory.resolve("store"));
        ledger = Ledger.open(GenesisReader.parse(DevGenesis.json(DevGenesis.document(CHAIN_ID, List.of(), Map.of("storage", storageSection)))), store);
        ledger.addContract(new FlowContract(ledger));
        ledger.addContract(new MarketContract(ledger));
        flowLog = new FlowLogService(ledger);
        ledger.addListener(flowLog);
        storage = StorageGenesis.of(ledger.genesisParameters(StorageGenesis.MODULE));
    }

    static Address account(int index) {
        return Address.of(DevGenesis.key(index).address());
    }

    /** Signs a call from development account {@code from} with its next nonce and puts it in the pool. */
    Transaction send(int from, Address to, BigInteger value, byte[] data) throws TransactionRejectedException {
        Transaction transaction = UnsignedTransaction.eip1559(CHAIN_ID, nonces[from]++, GWEI, GWEI.multiply(BigInteger.TWO), 3_000_000, to, value,
                data, List.of()).sign(DevGenesis.key(from));
        ledger.submit(transaction.raw());
        return transaction;
    }

    /** Sends, commits a block, and returns the transaction's receipt. */
    Receipt execute(int from, Address to, BigInteger value, byte[] data) throws TransactionRejectedException {
        Transaction transaction = send(from, to, value, data);
        produce();
        return ledger.receipt(transaction.hash()).orElseThrow();
    }

    ExecutedBlock produce() {
        ExecutedBlock block = ledger.propose(PROPOSER, time++);
        ledger.commit(block, new byte[0]);
        return block;
    }

    /** eth_call. */
    CallResult call(Address to, BigInteger value, byte[] data) {
        return ledger.call(account(0), to, value, data, 10_000_000);
    }

    @Override
    public void close() throws InterruptedException {
        ledger.stop();
        store.close();
    }
}
