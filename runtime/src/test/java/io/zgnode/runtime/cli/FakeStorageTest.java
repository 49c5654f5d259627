package io.zgnode.runtime.cli;

import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.runtime.cli.FakeStorageNetwork.Entry;
import io.zgnode.storage.merkle.FileMerkle;

/** What the storage command tests share: a folder, a fake network stopped after each test, files stored on it. */
abstract class FakeStorageTest {

    /** Six segments, the last one partial: three for each of two shards. */
    static final int SIZE = 5 * 262_144 + 1000;

    @TempDir
    Path dir;

    FakeStorageNetwork network;

    @AfterEach
    void stopNetwork() {
        if (network != null) {
            network.close();
        }
    }

    /** Starts nodes with these shards; the first is the one given as --rpc. */
    void start(String... shards) throws Exception {
        network = new FakeStorageNetwork(shards);
    }

    /** A random file committed to the flow and held by the nodes given (each its shard), as an earlier upload leaves it. */
    byte[] stored(int size, int... holders) {
        byte[] bytes = random(size);
        Entry entry = network.commit(bytes);
        for (int holder : holders) {
            network.node(holder).hold(entry, bytes);
        }
        return bytes;
    }

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    static String root(byte[] bytes) {
        return FileMerkle.sequential().of(bytes).root().toString();
    }
}
