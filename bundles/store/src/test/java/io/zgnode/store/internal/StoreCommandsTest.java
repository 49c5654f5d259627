package io.zgnode.store.internal;

import static io.zgnode.store.internal.TestData.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandsTest {

    @TempDir
    Path dir;

    @Test
    void statusShowsPathSizeSequenceAndNamespaces() {
        MapDbStore store = new MapDbStore(StoreSettings.of(dir));
        StoreCommands commands = new StoreCommands(store);
        try {
            assertThat(commands.namespaces()).isEqualTo("namespaces: none\n");
            store.newBatch().put("chain.blocks", s("1"), s("a")).put("chain.blocks", s("2"), s("b"))
                    .put("kv", s("x"), s("y")).commit();
            String status = commands.status();
            System.out.print(status);
            assertThat(status).contains("file:       " + dir.resolve("store.db"))
                    .contains("sequence:   1")
                    .contains("options:    mmap, grows by 16 MiB, scan page 256")
                    .contains("snapshots:  0 open")
                    .containsPattern("size: +[0-9.]+ MiB \\([0-9]+ bytes\\)")
                    .contains("namespaces: 2")
                    .contains("chain.blocks  2 entries")
                    .contains("kv            1 entry");
        } finally {
            store.close();
        }
        assertThat(commands.status()).startsWith("store: closed");
    }

    @Test
    void humanBytes() {
        assertThat(StoreCommands.humanBytes(-1)).isEqualTo("unknown");
        assertThat(StoreCommands.humanBytes(512)).isEqualTo("512 B");
        assertThat(StoreCommands.humanBytes(16L << 20)).isEqualTo("16.0 MiB (16777216 bytes)");
    }
}
