package io.zgnode.ledger.chain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.BlockHeader;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.api.store.Keys;
import io.zgnode.api.store.StoreReader;
import io.zgnode.api.store.WriteBatch;
import io.zgnode.ethereum.RlpItem;

/**
 * Committed blocks in the store: headers, bodies, receipts, certificates, the transaction and
 * hash indexes, and the head, all written in the block's own batch so that a block is either
 * wholly there or not at all. Recently read blocks are cached, decoded.
 * <p>
 * Bodies keep each transaction's recovered sender next to its raw bytes: reading a block never
 * recovers signatures again.
 */
public final class BlockStore {

    static final String HEADERS = "chain.header";
    static final String BODIES = "chain.body";
    static final String RECEIPTS = "chain.receipts";
    static final String CERTIFICATES = "chain.certificate";
    static final String BY_HASH = "chain.hash";
    static final String TRANSACTIONS = "chain.tx";
    static final String META = "chain.meta";
    private static final byte[] HEAD = "head".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GENESIS = "genesis".getBytes(StandardCharsets.US_ASCII);
    private static final int CACHED_BLOCKS = 64;

    /** Decodes a stored transaction whose sender is known. */
    @FunctionalInterface
    public interface TransactionReader {
        Transaction read(byte[] raw, Address sender);
    }

    private final KeyValueStore store;
    private final TransactionReader transactions;
    private final Map<Long, Block> blocks = cache();
    private final Map<Long, List<Receipt>> receipts = cache();

    public BlockStore(KeyValueStore store, TransactionReader transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    private static <V> Map<Long, V> cache() {
        return new LinkedHashMap<>(CACHED_BLOCKS, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > CACHED_BLOCKS;
            }
        };
    }

    /** The head's height, or -1 before genesis. */
    public long headNumber(StoreReader reader) {
        byte[] head = reader.get(META, HEAD);
        return head == null ? -1 : Keys.toLong(head, 0);
    }

    /** The hash of the genesis document the chain was created from, or {@code null}. */
    Hash genesisDocument(StoreReader reader) {
        byte[] hash = reader.get(META, GENESIS);
        return hash == null ? null : Hash.of(hash);
    }

    void writeGenesisDocument(WriteBatch batch, Hash documentHash) {
        batch.put(META, GENESIS, documentHash.toArray());
    }

    /** Writes a block, its receipts and certificate into {@code batch} and makes it the head. */
    void write(WriteBatch batch, Block block, List<Receipt> blockReceipts, byte[] certificate) {
        byte[] number = Keys.ofLong(block.number());
        batch.put(HEADERS, number, HeaderCodec.encode(block.header()));
        List<RlpItem> body = new ArrayList<>(block.transactions().size());
        for (int i = 0; i < block.transactions().size(); i++) {
            Transaction transaction = block.transactions().get(i);
            body.add(RlpItem.list(RlpItem.of(transaction.raw()), RlpItem.of(transaction.from())));
            batch.put(TRANSACTIONS, transaction.hash().toArray(), Keys.concat(number, Keys.ofLong(i)));
        }
        batch.put(BODIES, number, RlpItem.list(body).encode());
        batch.put(RECEIPTS, number, ReceiptCodec.encodeAll(blockReceipts));
        batch.put(CERTIFICATES, number, certificate);
        batch.put(BY_HASH, block.hash().toArray(), number);
        batch.put(META, HEAD, number);
    }

    /** The size of a block's encoding: its header and its raw transactions. */
    public static int encodedSize(Block block) {
        int size = HeaderCodec.encode(block.header()).length;
        for (Transaction transaction : block.transactions()) {
            size += transaction.raw().length;
        }
        return size;
    }

    public synchronized Optional<BlockHeader> header(long number) {
        Block cached = blocks.get(number);
        if (cached != null) {
            return Optional.of(cached.header());
        }
        byte[] encoded = store.get(HEADERS, Keys.ofLong(number));
        return encoded == null ? Optional.empty() : Optional.of(HeaderCodec.decode(encoded));
    }

    public synchronized Optional<Block> block(long number) {
        Block cached = blocks.get(number);
        if (cached != null) {
            return Optional.of(cached);
        }
        byte[] header = store.get(HEADERS, Keys.ofLong(number));
        byte[] body = store.get(BODIES, Keys.ofLong(number));
        if (header == null || body == null) {
            return Optional.empty();
        }
        List<Transaction> list = new ArrayList<>();
        for (RlpItem item : RlpItem.decode(body).items()) {
            list.add(transactions.read(item.items().get(0).bytes(), item.items().get(1).asAddress()));
        }
        Block block = new Block(HeaderCodec.decode(header), list);
        blocks.put(number, block);
        return Optional.of(block);
    }

    public Optional<Long> number(Hash hash) {
        byte[] number = store.get(BY_HASH, hash.toArray());
        return number == null ? Optional.empty() : Optional.of(Keys.toLong(number, 0));
    }

    /** Where a committed transaction is: block number and index. */
    public Optional<long[]> location(Hash transaction) {
        byte[] location = store.get(TRANSACTIONS, transaction.toArray());
        return location == null ? Optional.empty() : Optional.of(new long[] {Keys.toLong(location, 0), Keys.toLong(location, 8)});
    }

    public synchronized List<Receipt> receipts(long number) {
        List<Receipt> cached = receipts.get(number);
        if (cached != null) {
            return cached;
        }
        Optional<Block> block = block(number);
        byte[] encoded = store.get(RECEIPTS, Keys.ofLong(number));
        if (block.isEmpty() || encoded == null) {
            return List.of();
        }
        List<Receipt> decoded = List.copyOf(ReceiptCodec.decodeAll(encoded, block.get()));
        receipts.put(number, decoded);
        return decoded;
    }

    public byte[] certificate(long number) {
        byte[] certificate = store.get(CERTIFICATES, Keys.ofLong(number));
        return certificate == null ? new byte[0] : certificate;
    }

    /** Remembers a block just committed, so that the first readers need not decode it. */
    synchronized void cache(Block block, List<Receipt> blockReceipts) {
        blocks.put(block.number(), block);
        receipts.put(block.number(), List.copyOf(blockReceipts));
    }
}
