package io.zgnode.consensus.bft.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.zgnode.api.store.KeyValue;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.api.store.Keys;
import io.zgnode.api.store.WriteBatch;
import io.zgnode.consensus.bft.core.Evidence;
import io.zgnode.consensus.bft.core.InvalidMessageException;

/**
 * Equivocation evidence in the node's store, namespace {@value #NAMESPACE}, kept for slashing:
 * <pre>
 * 'e' height(8) round(4) kind(1) validator(4)   the evidence's canonical encoding (both statements)
 * 'n'                                           how many pieces are recorded (8 bytes)
 * </pre>
 * One piece per (height, round, kind, validator): the first two conflicting statements seen.
 */
public final class EvidenceStore {

    public static final String NAMESPACE = "consensus.bft.evidence";
    private static final byte[] COUNT = {'n'};
    private static final byte ENTRY = 'e';

    private final KeyValueStore store;

    public EvidenceStore(KeyValueStore store) {
        this.store = store;
    }

    /** Records a piece of evidence; false if one for that height, round, kind and validator is there already. */
    public synchronized boolean record(Evidence evidence) {
        byte[] key = key(evidence);
        if (store.contains(NAMESPACE, key)) {
            return false;
        }
        try (WriteBatch batch = store.newBatch()) {
            batch.put(NAMESPACE, key, evidence.encode());
            batch.put(NAMESPACE, COUNT, Keys.ofLong(count() + 1));
            batch.commit();
        }
        return true;
    }

    public long count() {
        byte[] count = store.get(NAMESPACE, COUNT);
        return count == null ? 0 : Keys.toLong(count, 0);
    }

    /** Up to {@code limit} pieces from {@code fromHeight} on, oldest first. */
    public List<Evidence> from(long fromHeight, int limit) {
        List<Evidence> found = new ArrayList<>();
        byte[] start = Keys.concat(new byte[] {ENTRY}, Keys.ofLong(Math.max(0, fromHeight)));
        for (Iterator<KeyValue> it = store.scan(NAMESPACE, start, new byte[] {ENTRY + 1}, false); it.hasNext() && found.size() < limit;) {
            try {
                found.add(Evidence.decode(it.next().value()));
            } catch (InvalidMessageException e) {
                throw new IllegalStateException("stored evidence does not decode: " + e.getMessage(), e);
            }
        }
        return found;
    }

    private static byte[] key(Evidence evidence) {
        return ByteBuffer.allocate(18).put(ENTRY).putLong(evidence.height()).putInt(evidence.round()).put((byte) evidence.kind().code())
                .putInt(evidence.validator()).array();
    }
}
