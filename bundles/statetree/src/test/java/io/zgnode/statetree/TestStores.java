package io.zgnode.statetree;

import java.nio.file.Path;

import io.zgnode.store.internal.MapDbStore;

/** Opens the real MapDB store in a directory. */
final class TestStores {

    private TestStores() {
    }

    /** A store with its file under {@code dir}. */
    static MapDbStore open(Path dir) {
        return MapDbStore.open(dir.resolve("store"));
    }
}
