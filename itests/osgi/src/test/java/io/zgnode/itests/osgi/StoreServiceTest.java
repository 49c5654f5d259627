package io.zgnode.itests.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import io.zgnode.api.store.KeyValue;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.api.store.StoreSnapshot;
import io.zgnode.api.store.WriteBatch;

/** The store as a bundle meets it: a service, MapDB running inside the framework. */
@ExtendWith(ServiceExtension.class)
class StoreServiceTest {

    @InjectService(timeout = 10_000)
    KeyValueStore store;

    @Test
    void batchesCommitAtomicallyAndSnapshotsStayPut() {
        String namespace = "itest-" + System.nanoTime();
        try (WriteBatch batch = store.newBatch()) {
            batch.put(namespace, bytes("a"), bytes("1")).put(namespace, bytes("b"), bytes("2"));
            assertThat(store.get(namespace, bytes("a"))).as("not visible before commit").isNull();
            batch.commit();
        }
        try (StoreSnapshot snapshot = store.snapshot()) {
            try (WriteBatch batch = store.newBatch()) {
                batch.put(namespace, bytes("a"), bytes("changed")).delete(namespace, bytes("b")).put(namespace, bytes("c"), bytes("3"));
                batch.commit();
            }
            assertThat(keys(snapshot.scan(namespace, null, null, false))).containsExactly("a", "b");
            assertThat(snapshot.get(namespace, bytes("a"))).isEqualTo(bytes("1"));
        }
        assertThat(keys(store.scan(namespace, null, null, false))).containsExactly("a", "c");
        assertThat(store.get(namespace, bytes("a"))).isEqualTo(bytes("changed"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> keys(Iterator<KeyValue> entries) {
        List<String> keys = new ArrayList<>();
        entries.forEachRemaining(entry -> keys.add(new String(entry.key(), StandardCharsets.UTF_8)));
        return keys;
    }
}
