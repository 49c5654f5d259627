package io.zgnode.consensus.bft;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Transaction;
import io.zgnode.consensus.bft.core.TendermintCore;
import io.zgnode.consensus.bft.core.Timeouts;
import io.zgnode.consensus.bft.core.ValidatorKey;
import io.zgnode.crypto.Ed25519;
import io.zgnode.crypto.Hex;
import io.zgnode.ethereum.UnsignedTransaction;
import io.zgnode.ledger.Ledger;
import io.zgnode.ledger.genesis.DevGenesis;
import io.zgnode.ledger.genesis.Genesis;
import io.zgnode.ledger.genesis.GenesisReader;
import io.zgnode.store.internal.MapDbStore;

/** Real ledgers on real stores in a temporary directory, one engine each, on an in-memory network. */
final class TestNet implements AutoCloseable {

    static final long CHAIN_ID = DevGenesis.DEFAULT_CHAIN_ID;
    static final BigInteger GWEI = BigInteger.TEN.pow(9);
    static final Settings FAST = new Settings(new Timeouts(600, 250, 250, 150, 100), 1, 10, 200, TendermintCore.Misbehavior.NONE);

    final Path directory;
    final Genesis genesis;
    final FakeNetwork network = new FakeNetwork();
    final List<Node> nodes = new ArrayList<>();

    /** A chain whose genesis names {@code powers.length} validators. */
    TestNet(Path directory, long... powers) throws Exception {
        this.directory = directory;
        List<Map<String, Object>> validators = new ArrayList<>();
        List<Address> accounts = DevGenesis.accounts(powers.length);
        for (int i = 0; i < powers.length; i++) {
            Map<String, Object> validator = new LinkedHashMap<>();
            validator.put("address", accounts.get(i).toString());
            validator.put("power", powers[i]);
            validator.put("publicKey", Hex.encode(pair(i).publicKey().bytes()));
            validators.add(validator);
        }
        this.genesis = GenesisReader.parse(DevGenesis.json(DevGenesis.document(CHAIN_ID, validators, Map.of())));
    }

    static Ed25519.KeyPair pair(int index) {
        byte[] seed = new byte[32];
        seed[0] = (byte) (index + 7);
        seed[31] = 0x19;
        return Ed25519.fromSeed(seed);
    }

    /** A node on a new store; a validator with key {@code index}, or a follower for -1. */
    Node add(int index, Settings settings) {
        Node node = new Node(directory.resolve("node-" + nodes.size()), index < 0 ? null : ValidatorKey.of(pair(index)), settings);
        nodes.add(node);
        return node;
    }

    /** The validators, each on its own ledger, engines started. */
    List<Node> startValidators(int count, Settings settings) {
        List<Node> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(add(i, settings));
        }
        for (Node node : started) {
            node.start();
        }
        return started;
    }

    static Transaction transfer(int from, long nonce, Address to, BigInteger value) {
        return UnsignedTransaction.eip1559(CHAIN_ID, nonce, GWEI, GWEI.multiply(BigInteger.TWO), 21_000, to, value, new byte[0], List.of())
                .sign(DevGenesis.key(from));
    }

    static boolean await(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    long minHead() {
        return nodes.stream().mapToLong(Node::head).min().orElse(0);
    }

    @Override
    public void close() throws Exception {
        for (Node node : nodes) {
            node.close();
        }
        network.close();
    }

    final class Node implements AutoCloseable {

        final Path directory;
        final ValidatorKey key;
        final Settings settings;
        final MapDbStore store;
        final Ledger ledger;
        final FakeNetwork.Peer peer;
        volatile BftEngine engine;

        Node(Path directory, ValidatorKey key, Settings settings) {
            this.directory = directory;
            this.key = key;
            this.settings = settings;
            this.store = MapDbStore.open(directory.resolve("store"));
            this.ledger = Ledger.open(genesis, store);
            this.peer = network.join();
        }

        BftEngine start() {
            BftEngine started = new BftEngine(settings, ledger, ledger, () -> ledger, () -> peer, store, key, GenesisValidators.of(ledger),
                    System::currentTimeMillis);
            peer.handlers.put(BftEngine.TOPIC, started.messageHandler());
            peer.servers.put(BftEngine.SYNC_PROTOCOL, started.blockServer());
            engine = started;
            started.start();
            return started;
        }

        /** As @Deactivate does: handlers gone, engine stopped. */
        void stop() throws InterruptedException {
            peer.handlers.remove(BftEngine.TOPIC);
            peer.servers.remove(BftEngine.SYNC_PROTOCOL);
            if (engine != null) {
                engine.stop();
                engine = null;
            }
        }

        long head() {
            return ledger.head().number();
        }

        @Override
        public void close() throws Exception {
            stop();
            ledger.stop();
            store.close();
        }
    }
}
