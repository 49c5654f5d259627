package io.zgnode.ledger;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

import io.zgnode.api.chain.Account;
import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.BlockExecutor;
import io.zgnode.api.chain.BlockHeader;
import io.zgnode.api.chain.Chain;
import io.zgnode.api.chain.ChainListener;
import io.zgnode.api.chain.ExecutedBlock;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.InvalidBlockException;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.chain.TransactionPool;
import io.zgnode.api.chain.TransactionRejectedException;
import io.zgnode.api.contract.NativeContract;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.api.store.StoreSnapshot;
import io.zgnode.crypto.PublicKey;
import io.zgnode.ethereum.TransactionDecoder;
import io.zgnode.ledger.chain.BlockPipeline;
import io.zgnode.ledger.chain.BlockStore;
import io.zgnode.ledger.execution.CallResult;
import io.zgnode.ledger.execution.ContractRegistry;
import io.zgnode.ledger.execution.TransactionProcessor;
import io.zgnode.ledger.genesis.Genesis;
import io.zgnode.ledger.genesis.GenesisException;
import io.zgnode.ledger.genesis.GenesisReader;
import io.zgnode.ledger.pool.PoolLimits;
import io.zgnode.ledger.pool.TransactionPoolImpl;
import io.zgnode.ledger.state.AccountReader;
import io.zgnode.ledger.state.StateRoots;

/**
 * The ledger as the framework sees it: the chain ({@link Chain}), its pool
 * ({@link TransactionPool}) and what consensus drives ({@link BlockExecutor}), assembled from the
 * store, the genesis, and the native contracts registered as services. Each method hands over to
 * the class that does the work; the state is in the store.
 */
@Component(configurationPid = LedgerConfig.PID, immediate = true,
        service = {Chain.class, TransactionPool.class, BlockExecutor.class, Ledger.class})
@Designate(ocd = LedgerConfig.class)
public class Ledger implements Chain, TransactionPool, BlockExecutor {

    private final ContractRegistry contracts = new ContractRegistry();
    private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();
    private final Genesis genesis;
    private final BlockStore blocks;
    private final AccountReader accounts;
    private final StateRoots roots;
    private final TransactionPoolImpl pool;
    private final BlockPipeline pipeline;
    private final ChainNotifier notifier;
    private final LedgerConfig config;
    private final KeyValueStore store;

    @Activate
    public Ledger(BundleContext context, LedgerConfig config, @Reference KeyValueStore store) throws IOException, GenesisException {
        this(GenesisReader.read(genesisFile(context, config)), store, config);
    }

    /** A ledger with the default configuration outside a framework (tests, tools, benchmarks). */
    public static Ledger open(Genesis genesis, KeyValueStore store) {
        return new Ledger(genesis, store, defaultConfig());
    }

    private static LedgerConfig defaultConfig() {
        return (LedgerConfig) Proxy.newProxyInstance(LedgerConfig.class.getClassLoader(), new Class<?>[] {LedgerConfig.class},
                (proxy, method, args) -> method.getDefaultValue());
    }

    /** A ledger outside a framework (tests, tools); native contracts and listeners are added by hand. */
    public Ledger(Genesis genesis, KeyValueStore store, LedgerConfig config) {
        this.config = config;
        this.store = store;
        this.genesis = genesis;
        this.blocks = new BlockStore(store, Transactions::read);
        this.accounts = new AccountReader(store);
        this.roots = new StateRoots();
        this.pool = new TransactionPoolImpl(new PoolLimits(config.poolMaxTransactions(), config.poolMaxPerSender(), config.poolMaxNonceGap(),
                config.poolMaxTransactionBytes(), PoolLimits.DEFAULT.replacementBumpPercent()),
                new TransactionChecks(genesis), accounts::account, this::nextBaseFee);
        this.notifier = new ChainNotifier(listeners);
        this.pipeline = new BlockPipeline(store, blocks, roots, new TransactionProcessor(contracts), genesis, pool, notifier::notify);
    }

    private static Path genesisFile(BundleContext context, LedgerConfig config) throws IOException {
        Path file = config.genesisFile().isBlank() ? Path.of(String.valueOf(context.getProperty("zgnode.data")), "genesis.json")
                : Path.of(config.genesisFile());
        if (!Files.isRegularFile(file)) {
            throw new IOException("no genesis at " + file + ": start the node with --genesis FILE, or --dev for a development chain");
        }
        return file;
    }

    @Deactivate
    public void stop() throws InterruptedException {
        notifier.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeContract")
    public void addContract(NativeContract contract) {
        contracts.add(contract);
    }

    public void removeContract(NativeContract contract) {
        contracts.remove(contract);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeListener")
    public void addListener(ChainListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ChainListener listener) {
        listeners.remove(listener);
    }

    // --- Chain

    @Override
    public long chainId() {
        return genesis.chainId();
    }

    @Override
    public BlockHeader head() {
        return pipeline.head();
    }

    @Override
    public Optional<Block> block(long number) {
        return number > head().number() ? Optional.empty() : blocks.block(number);
    }

    @Override
    public Optional<Block> block(Hash hash) {
        return blocks.number(hash).flatMap(this::block);
    }

    @Override
    public Optional<Transaction> transaction(Hash hash) {
        return blocks.location(hash).flatMap(at -> block(at[0]).map(block -> block.transactions().get((int) at[1])));
    }

    @Override
    public Optional<Receipt> receipt(Hash hash) {
        return blocks.location(hash).map(at -> blocks.receipts(at[0]).get((int) at[1]));
    }

    @Override
    public List<Receipt> receipts(long number) {
        return blocks.receipts(number);
    }

    @Override
    public Account account(Address address) {
        return accounts.account(address);
    }

    @Override
    public Optional<byte[]> contractStorage(Address contract, byte[] key) {
        return Optional.ofNullable(accounts.storage(contract, key));
    }

    @Override
    public Map<String, Object> genesis() {
        return genesis.document();
    }

    // --- TransactionPool

    @Override
    public Hash submit(byte[] raw) throws TransactionRejectedException {
        return pool.submit(raw);
    }

    /** As {@link #submit}, answering the transaction and its sender's key (which gossip passes on). */
    public TransactionDecoder.Recovered accept(byte[] raw) throws TransactionRejectedException {
        return pool.accept(raw);
    }

    /** Transactions a peer relayed with the senders' keys it claims: {@link TransactionPoolImpl#submitRelayed}. */
    public List<TransactionPoolImpl.Outcome> submitRelayed(List<byte[]> raws, List<PublicKey> claimedSenders) {
        return pool.submitRelayed(raws, claimedSenders);
    }

    @Override
    public Optional<Transaction> get(Hash hash) {
        return pool.get(hash);
    }

    @Override
    public long pendingNonce(Address sender) {
        return pool.pendingNonce(sender);
    }

    @Override
    public int size() {
        return pool.size();
    }

    @Override
    public List<Transaction> pending(int limit) {
        return pool.pending(limit);
    }

    // --- BlockExecutor

    @Override
    public ExecutedBlock propose(Address proposer, long timestamp) {
        return pipeline.propose(proposer, timestamp);
    }

    @Override
    public ExecutedBlock execute(Block proposed) throws InvalidBlockException {
        return pipeline.execute(proposed);
    }

    @Override
    public void commit(ExecutedBlock block, byte[] certificate) {
        pipeline.commit(block, certificate);
    }

    @Override
    public void discard(ExecutedBlock block) {
        pipeline.discard(block);
    }

    @Override
    public byte[] certificate(long number) {
        return blocks.certificate(number);
    }

    // --- for the ledger's own RPC and shell

    /**
     * An account's state with its proof against the state root of the head, all read from one
     * snapshot so that a block committed meanwhile cannot mix in.
     */
    public record AccountProof(long blockNumber, Hash stateRoot, Account account, byte[] proof) {
    }

    public AccountProof accountProof(Address address) {
        try (StoreSnapshot snapshot = store.snapshot()) {
            long number = blocks.headNumber(snapshot);
            BlockHeader header = blocks.header(number).orElseThrow();
            return new AccountProof(number, header.stateRoot(), new AccountReader(snapshot).account(address),
                    roots.proveAccount(snapshot, address).toBytes());
        }
    }

    /** The size of a block's encoding (header and transactions), as eth_getBlock reports it. */
    public int encodedSize(Block block) {
        return BlockStore.encodedSize(block);
    }

    public BigInteger nextBaseFee() {
        return pipeline.nextBaseFee();
    }

    public CallResult call(Address from, Address to, BigInteger value, byte[] data, long gasLimit) {
        return pipeline.call(from, to, value, data, Math.min(gasLimit, config.rpcGasCap()));
    }

    public LedgerConfig config() {
        return config;
    }

    public ContractRegistry contracts() {
        return contracts;
    }

}
