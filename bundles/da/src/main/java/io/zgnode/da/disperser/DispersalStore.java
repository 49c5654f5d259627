package io.zgnode.da.disperser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.store.KeyValue;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.api.store.WriteBatch;

/** The dispersal requests of this node, in its store, so their status outlives a restart. */
final class DispersalStore {

    /** requestId -> the {@link Dispersal} as JSON. */
    static final String REQUESTS = "da.dispersals";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyValueStore store;

    DispersalStore(KeyValueStore store) {
        this.store = store;
    }

    Optional<Dispersal> get(Hash requestId) {
        byte[] json = store.get(REQUESTS, requestId.toArray());
        return json == null ? Optional.empty() : Optional.of(decode(json));
    }

    void put(Dispersal dispersal) {
        try (WriteBatch batch = store.newBatch()) {
            batch.put(REQUESTS, Hash.of(dispersal.requestId()).toArray(), JSON.writeValueAsBytes(dispersal));
            batch.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Dispersal> all() {
        List<Dispersal> all = new ArrayList<>();
        for (Iterator<KeyValue> entries = store.scan(REQUESTS, null, null, false); entries.hasNext();) {
            all.add(decode(entries.next().value()));
        }
        return all;
    }

    private static Dispersal decode(byte[] json) {
        try {
            return JSON.readValue(json, Dispersal.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored dispersal is unreadable", e);
        }
    }
}
