package io.zgnode.ledger;

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
import io.zgnode.ledger.execution.CallResult;
import io.zgnode.ledger.genesis.DevGenesis;
import io.zgnode.ledger.genesis.GenesisException;
import io.zgnode.ledger.genesis.GenesisReader;
import io.zgnode.store.internal.MapDbStore;

/**
 * A development chain on a real store, driven by hand, for the tests of modules that add native
 * contracts (shipped in the ledger's test jar): the development accounts send calls with their next
 * nonce, {@link #produce()} makes and commits a block. Subclasses add their contracts to
 * {@link #ledger} and keep what else they wire.
 */
public class DevChain implements AutoCloseable {

    public static final long CHAIN_ID = DevGenesis.DEFAULT_CHAIN_ID;
    public static final BigInteger GWEI = BigInteger.TEN.pow(9);
    public static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private static final Address PROPOSER = Address.of("0x00000000000000000000000000000000000000aa");
    private static final long GAS = 3_000_000;

    public final MapDbStore store;
    public final Ledger ledger;
    private final long[] nonces = new long[DevGenesis.ACCOUNTS];
    private long time = 1_000;

    /** @param modules the genesis's {@code modules} section */
    public DevChain(Path directory, Map<String, Object> modules) throws GenesisException {
        store = MapDbStore.open(directory.resolve("store"));
        ledger = Ledger.open(GenesisReader.parse(DevGenesis.json(DevGenesis.document(CHAIN_ID, List.of(), modules))), store);
    }

    public static Address account(int index) {
        return Address.of(DevGenesis.key(index).address());
    }

    /** Signs a call from development account {@code from} with its next nonce and puts it in the pool. */
    public Transaction send(int from, Address to, BigInteger value, byte[] data) throws TransactionRejectedException {
        Transaction transaction = UnsignedTransaction.eip1559(CHAIN_ID, nonces[from]++, GWEI, GWEI.multiply(BigInteger.TWO), GAS, to, value, data,
                List.of()).sign(DevGenesis.key(from));
        ledger.submit(transaction.raw());
        return transaction;
    }

    /** Sends, commits a block, and returns the transaction's receipt. */
    public Receipt execute(int from, Address to, BigInteger value, byte[] data) throws TransactionRejectedException {
        Transaction transaction = send(from, to, value, data);
        produce();
        return receipt(transaction);
    }

    public Receipt receipt(Transaction transaction) {
        return ledger.receipt(transaction.hash()).orElseThrow();
    }

    public ExecutedBlock produce() {
        ExecutedBlock block = ledger.propose(PROPOSER, time++);
        ledger.commit(block, new byte[0]);
        return block;
    }

    /** eth_call from development account 0. */
    public CallResult call(Address to, BigInteger value, byte[] data) {
        return ledger.call(account(0), to, value, data, 10_000_000);
    }

    @Override
    public void close() throws InterruptedException {
        ledger.stop();
        store.close();
    }
}
