package io.zgnode.da.contracts;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.ExecutedBlock;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.chain.TransactionRejectedException;
import io.zgnode.api.contract.NativeContract;
import io.zgnode.crypto.Keccak256;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.da.contracts.internal.DaEntranceContract;
import io.zgnode.da.contracts.internal.DaSignersContract;
import io.zgnode.ethereum.RevertReason;
import io.zgnode.ethereum.UnsignedTransaction;
import io.zgnode.ledger.Ledger;
import io.zgnode.ledger.execution.CallResult;
import io.zgnode.ledger.genesis.DevGenesis;
import io.zgnode.ledger.genesis.GenesisException;
import io.zgnode.ledger.genesis.GenesisReader;
import io.zgnode.store.internal.MapDbStore;

/**
 * A development chain on a real store with the DA registry and entrance wired as the framework
 * wires them (each reading the genesis from the ledger), driven by hand: transactions go to the
 * pool, {@link #produce()} makes and commits a block.
 */
final class DaChain implements AutoCloseable {

    static final long CHAIN_ID = DevGenesis.DEFAULT_CHAIN_ID;
    static final BigInteger GWEI = BigInteger.TEN.pow(9);
    static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private static final Address PROPOSER = Address.of("0x00000000000000000000000000000000000000aa");

    final MapDbStore store;
    final Ledger ledger;
    final DaGenesis genesis;
    private final long[] nonces = new long[DevGenesis.ACCOUNTS];
    private long time = 1_000;

    /** @param daSection the genesis's {@code modules.da}; {@code extra} are more contracts to run (test probes) */
    DaChain(Path directory, Map<String, Object> daSection, NativeContract... extra) throws GenesisException {
        store = MapDbStore.open(directory.resolve("store"));
        ledger = Ledger.open(GenesisReader.parse(DevGenesis.json(DevGenesis.document(CHAIN_ID, List.of(), Map.of(DaGenesis.MODULE, daSection)))),
                store);
        ledger.addContract(new DaSignersContract(ledger));
        ledger.addContract(new DaEntranceContract(ledger));
        for (NativeContract contract : extra) {
            ledger.addContract(contract);
        }
        genesis = DaGenesis.of(ledger.genesisParameters(DaGenesis.MODULE));
    }

    /** A {@code modules.da} section: blocks per epoch and genesis signers, each with {@code stake} and socket {@code http://signer<i>}. */
    static Map<String, Object> section(long epochBlocks, List<PrivateKey> signers, BigInteger stake) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < signers.size(); i++) {
            entries.add(Map.of("address", Address.of(signers.get(i).address()).toString(), "stake", stake.toString(), "socket", "http://signer" + i));
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("epochBlocks", epochBlocks);
        section.put("signers", entries);
        return section;
    }

    /** Signer keys that are no development account (they hold no balance and send nothing). */
    static List<PrivateKey> signerKeys(int count) {
        List<PrivateKey> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(PrivateKey.of(Keccak256.hash(("da signer " + i).getBytes())));
        }
        return keys;
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
        return receipt(transaction);
    }

    Receipt receipt(Transaction transaction) {
        return ledger.receipt(transaction.hash()).orElseThrow();
    }

    ExecutedBlock produce() {
        ExecutedBlock block = ledger.propose(PROPOSER, time++);
        ledger.commit(block, new byte[0]);
        return block;
    }

    /** The epoch of the next block, the one a transaction sent now lands in (and eth_call runs in). */
    long nextEpoch() {
        return genesis.epochOf(ledger.head().number() + 1);
    }

    /** Produces blocks until the next one is in {@code epoch}. */
    void advanceTo(long epoch) {
        while (nextEpoch() < epoch) {
            produce();
        }
    }

    /** eth_call. */
    CallResult call(Address to, byte[] data) {
        return ledger.call(account(0), to, BigInteger.ZERO, data, 10_000_000);
    }

    /** The registry as code outside the chain reads it: from committed state. */
    DaRegistryView registry() {
        return new DaRegistryView(genesis, key -> ledger.contractStorage(genesis.registry(), key).orElse(null));
    }

    DaCertificatesView certificates() {
        return new DaCertificatesView(key -> ledger.contractStorage(genesis.entrance(), key).orElse(null));
    }

    static String reason(Receipt receipt) {
        return RevertReason.decode(receipt.revertData()).orElse("(no reason)");
    }

    static String reason(CallResult result) {
        return RevertReason.decode(result.output()).orElse("(no reason)");
    }

    @Override
    public void close() throws InterruptedException {
        ledger.stop();
        store.close();
    }
}
