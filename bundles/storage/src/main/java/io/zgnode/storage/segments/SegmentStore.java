package io.zgnode.storage.segments;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import io.zgnode.api.store.KeyValue;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.api.store.WriteBatch;

/**
 * The segments this node holds, by flow entry. Data goes to {@link EntryFiles}; the index of which
 * segments are held (and how long each is) goes to the node's store. A segment's data is forced to
 * disk before its index entry commits, so after a crash every indexed segment is readable, and a
 * segment whose index entry was lost is simply uploaded or synced again.
 */
public final class SegmentStore implements AutoCloseable {

    /** txSeq (8 bytes) || segment index (4 bytes) -> data length (4 bytes) || proof. */
    static final String HELD = "storage.segments";
    /** txSeq -> number of segments held. */
    static final String COUNTS = "storage.segment-counts";
    private static final int OPEN_FILES = 64;

    private final KeyValueStore store;
    private final EntryFiles files;

    public SegmentStore(KeyValueStore store, Path directory) {
        this.store = store;
        this.files = new EntryFiles(directory, OPEN_FILES);
    }

    /**
     * Stores segments of entry {@code txSeq} durably: when this returns, a crash loses none of
     * them. Segments already held are left as they are.
     *
     * @return how many of them were new
     */
    public synchronized int put(long txSeq, List<SegmentBytes> segments) {
        List<SegmentBytes> fresh = new ArrayList<>();
        for (SegmentBytes segment : segments) {
            if (!has(txSeq, segment.index()) && fresh.stream().noneMatch(s -> s.index() == segment.index())) {
                fresh.add(segment);
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        files.write(txSeq, fresh);
        try (WriteBatch batch = store.newBatch()) {
            for (SegmentBytes segment : fresh) {
                ByteBuffer held = ByteBuffer.allocate(Integer.BYTES + ProofCodec.size(segment.proof())).putInt(segment.data().length);
                ProofCodec.write(held, segment.proof());
                batch.put(HELD, key(txSeq, segment.index()), held.array());
            }
            batch.put(COUNTS, entryKey(txSeq), ByteBuffer.allocate(Long.BYTES).putLong(count(txSeq) + fresh.size()).array());
            batch.commit();
        }
        return fresh.size();
    }

    public boolean has(long txSeq, int index) {
        return store.contains(HELD, key(txSeq, index));
    }

    /** Segment {@code index} of entry {@code txSeq} with its proof, if this node holds it. */
    public Optional<SegmentBytes> get(long txSeq, int index) {
        byte[] held = store.get(HELD, key(txSeq, index));
        if (held == null) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(held);
        int length = in.getInt();
        return Optional.of(new SegmentBytes(index, files.read(txSeq, index, length), ProofCodec.read(in)));
    }

    /** How many segments of entry {@code txSeq} this node holds. */
    public long count(long txSeq) {
        byte[] count = store.get(COUNTS, entryKey(txSeq));
        return count == null ? 0 : ByteBuffer.wrap(count).getLong();
    }

    /** Forgets entry {@code txSeq}: its index first, so no reader finds an index without data. */
    public synchronized void delete(long txSeq) {
        try (WriteBatch batch = store.newBatch()) {
            for (Iterator<KeyValue> held = store.scanPrefix(HELD, entryKey(txSeq)); held.hasNext();) {
                batch.delete(HELD, held.next().key());
            }
            batch.delete(COUNTS, entryKey(txSeq));
            batch.commit();
        }
        files.delete(txSeq);
    }

    @Override
    public void close() {
        files.close();
    }

    private static byte[] entryKey(long txSeq) {
        return ByteBuffer.allocate(Long.BYTES).putLong(txSeq).array();
    }

    private static byte[] key(long txSeq, int index) {
        return ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(txSeq).putInt(index).array();
    }
}
