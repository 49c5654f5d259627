package io.zgnode.ledger;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.ExecutedBlock;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.chain.TransactionRejectedException;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.ethereum.RlpItem;
import io.zgnode.ethereum.UnsignedTransaction;
import io.zgnode.ledger.genesis.DevGenesis;
import io.zgnode.ledger.genesis.Genesis;
import io.zgnode.ledger.genesis.GenesisException;
import io.zgnode.ledger.genesis.GenesisReader;
import io.zgnode.store.internal.MapDbStore;

/** A development chain on a real store in a temporary directory, driven by hand. */
final class TestChain implements AutoCloseable {

    static final long CHAIN_ID = DevGenesis.DEFAULT_CHAIN_ID;
    static final BigInteger GWEI = BigInteger.TEN.pow(9);
    static final BigInteger ETHER = BigInteger.TEN.pow(18);
    static final Address PROPOSER = Address.of("0x00000000000000000000000000000000000000aa");

    final Path directory;
    final MapDbStore store;
    final Ledger ledger;
    private long time = 1_000;

    TestChain(Path directory) throws GenesisException {
        this(directory, genesis(Map.of()));
    }

    TestChain(Path directory, Genesis genesis) {
        this.directory = directory;
        this.store = MapDbStore.open(directory.resolve("store"));
        try {
            this.ledger = Ledger.open(genesis, store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    static Genesis genesis(Map<String, Object> modules) throws GenesisException {
        return GenesisReader.parse(DevGenesis.json(DevGenesis.document(CHAIN_ID, List.of(), modules)));
    }

    static PrivateKey key(int index) {
        return DevGenesis.key(index);
    }

    static Address account(int index) {
        return Address.of(key(index).address());
    }

    /** A signed EIP-1559 transfer. */
    static Transaction transfer(int from, long nonce, Address to, BigInteger value) {
        return UnsignedTransaction.eip1559(CHAIN_ID, nonce, GWEI, GWEI.multiply(BigInteger.TWO), 21_000, to, value, new byte[0], List.of())
                .sign(key(from));
    }

    /** A signed EIP-1559 contract call. */
    static Transaction call(int from, long nonce, Address to, BigInteger value, byte[] data, long gas) {
        return UnsignedTransaction.eip1559(CHAIN_ID, nonce, GWEI, GWEI.multiply(BigInteger.TWO), gas, to, value, data, List.of())
                .sign(key(from));
    }

    /** The EIP-1559 transaction {@code t} with another r and s. */
    static byte[] withSignature(Transaction t, BigInteger r, BigInteger s) {
        List<RlpItem> fields = new ArrayList<>(RlpItem.decode(Arrays.copyOfRange(t.raw(), 1, t.raw().length)).items());
        fields.set(10, RlpItem.of(r));
        fields.set(11, RlpItem.of(s));
        byte[] body = RlpItem.list(fields).encode();
        byte[] raw = new byte[body.length + 1];
        raw[0] = 0x02;
        System.arraycopy(body, 0, raw, 1, body.length);
        return raw;
    }

    void submit(Transaction... transactions) throws TransactionRejectedException {
        for (Transaction transaction : transactions) {
            ledger.submit(transaction.raw());
        }
    }

    /** Proposes and commits the next block from the pool. */
    ExecutedBlock produce() {
        ExecutedBlock block = ledger.propose(PROPOSER, time++);
        ledger.commit(block, new byte[0]);
        return block;
    }

    @Override
    public void close() throws InterruptedException {
        ledger.stop();
        store.close();
    }
}
