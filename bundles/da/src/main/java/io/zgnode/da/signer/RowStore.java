package io.zgnode.da.signer;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.store.KeyValue;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.api.store.WriteBatch;
import io.zgnode.da.blob.BlobRow;
import io.zgnode.da.blob.RowProof;

/**
 * The rows this signer holds, by blob. Row bytes go to {@link RowFiles}; the index (which rows,
 * their proofs, the blob's epoch for pruning) to the node's store. Data is forced to disk before
 * its index commits, so after a crash every indexed row is readable, and a row whose index entry
 * was lost is simply sent again.
 */
public final class RowStore {

    /** dataRoot -> {@link HeldBlob}. */
    static final String BLOBS = "da.blobs";
    /** dataRoot || row index (4 bytes) -> proof. */
    static final String ROWS = "da.rows";
    /** epoch (8 bytes) || dataRoot -> nothing: what pruning scans. */
    static final String BY_EPOCH = "da.blobs-by-epoch";

    private final KeyValueStore store;
    private final RowFiles files;

    public RowStore(KeyValueStore store, Path directory) {
        this.store = store;
        this.files = new RowFiles(directory);
    }

    public Optional<HeldBlob> blob(Hash dataRoot) {
        byte[] held = store.get(BLOBS, dataRoot.toArray());
        return held == null ? Optional.empty() : Optional.of(HeldBlob.decode(dataRoot, held));
    }

    /** Every blob held, in data-root order. */
    public List<HeldBlob> blobs() {
        List<HeldBlob> blobs = new ArrayList<>();
        for (Iterator<KeyValue> all = store.scan(BLOBS, null, null, false); all.hasNext();) {
            KeyValue entry = all.next();
            blobs.add(HeldBlob.decode(Hash.of(entry.key()), entry.value()));
        }
        return blobs;
    }

    public boolean has(Hash dataRoot, int index) {
        return store.contains(ROWS, key(dataRoot, index));
    }

    /**
     * Stores rows of a blob durably (those not held yet): when this returns a crash loses none.
     *
     * @param blob the blob as the signer's quorum describes it ({@code held} is ignored)
     * @return the blob with its new count of rows held
     */
    public synchronized HeldBlob put(HeldBlob blob, List<BlobRow> rows) {
        Optional<HeldBlob> stored = blob(blob.dataRoot());
        HeldBlob known = stored.orElse(blob.withHeld(0));
        List<BlobRow> fresh = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        for (BlobRow row : rows) {
            if (!has(blob.dataRoot(), row.index()) && taken.add(row.index())) {
                fresh.add(row);
            }
        }
        if (fresh.isEmpty() && stored.isPresent()) {
            return known;
        }
        files.write(blob.dataRoot(), known.rowBytes(), fresh);
        HeldBlob updated = known.withHeld(known.held() + fresh.size());
        try (WriteBatch batch = store.newBatch()) {
            for (BlobRow row : fresh) {
                batch.put(ROWS, key(blob.dataRoot(), row.index()), ProofBytes.encode(row.proof()));
            }
            batch.put(BLOBS, blob.dataRoot().toArray(), updated.encode());
            batch.put(BY_EPOCH, epochKey(updated.epoch(), blob.dataRoot()), new byte[0]);
            batch.commit();
        }
        return updated;
    }

    /** Row {@code index} of a blob with its proof, if held. */
    public Optional<BlobRow> row(Hash dataRoot, int index) {
        byte[] proof = store.get(ROWS, key(dataRoot, index));
        if (proof == null) {
            return Optional.empty();
        }
        HeldBlob blob = blob(dataRoot).orElseThrow();
        RowProof decoded = ProofBytes.decode(proof);
        return Optional.of(new BlobRow(index, files.read(dataRoot, blob.rowBytes(), index), decoded));
    }

    /** The indices of the rows held of a blob, ascending. */
    public List<Integer> rowIndices(Hash dataRoot) {
        List<Integer> indices = new ArrayList<>();
        for (Iterator<KeyValue> held = store.scanPrefix(ROWS, dataRoot.toArray()); held.hasNext();) {
            indices.add(ByteBuffer.wrap(held.next().key(), Hash.LENGTH, Integer.BYTES).getInt());
        }
        return indices;
    }

    /**
     * Forgets the blobs of epochs before {@code epoch}: index first, so no reader finds an index
     * without data.
     *
     * @return how many blobs were dropped
     */
    public synchronized int pruneBefore(long epoch) {
        if (epoch <= 0) {
            return 0; // keys are unsigned bytes: a negative bound would cover every epoch
        }
        List<Hash> expired = new ArrayList<>();
        List<byte[]> epochKeys = new ArrayList<>();
        for (Iterator<KeyValue> old = store.scan(BY_EPOCH, null, ByteBuffer.allocate(Long.BYTES).putLong(epoch).array(), false); old.hasNext();) {
            byte[] key = old.next().key();
            epochKeys.add(key);
            expired.add(Hash.of(Arrays.copyOfRange(key, Long.BYTES, key.length)));
        }
        for (int i = 0; i < expired.size(); i++) {
            Hash dataRoot = expired.get(i);
            try (WriteBatch batch = store.newBatch()) {
                for (Iterator<KeyValue> rows = store.scanPrefix(ROWS, dataRoot.toArray()); rows.hasNext();) {
                    batch.delete(ROWS, rows.next().key());
                }
                batch.delete(BLOBS, dataRoot.toArray());
                batch.delete(BY_EPOCH, epochKeys.get(i));
                batch.commit();
            }
            files.delete(dataRoot);
        }
        return expired.size();
    }

    /** Where the rows of a blob are kept (for operators, and tests that damage it on purpose). */
    public Path file(Hash dataRoot) {
        return files.file(dataRoot);
    }

    private static byte[] key(Hash dataRoot, int index) {
        return ByteBuffer.allocate(Hash.LENGTH + Integer.BYTES).put(dataRoot.toArray()).putInt(index).array();
    }

    private static byte[] epochKey(long epoch, Hash dataRoot) {
        return ByteBuffer.allocate(Long.BYTES + Hash.LENGTH).putLong(epoch).put(dataRoot.toArray()).array();
    }
}
