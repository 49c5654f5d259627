package io.zgnode.storage.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Hash;
import io.zgnode.store.internal.MapDbStore;
import io.zgnode.storage.merkle.SegmentProof;
import io.zgnode.storage.merkle.FileLayout;

class SegmentStoreTest {

    @TempDir
    Path dir;

    @Test
    void segmentsArriveInAnyOrderAndReadBackExactly() {
        byte[] first = bytes(1, FileLayout.SEGMENT_SIZE);
        byte[] last = bytes(2, 1000);
        try (MapDbStore store = MapDbStore.open(dir.resolve("store")); SegmentStore segments = new SegmentStore(store, dir.resolve("data"))) {
            assertThat(segments.put(7, List.of(segment(3, last)))).isEqualTo(1);
            assertThat(segments.put(7, List.of(segment(0, first)))).isEqualTo(1);

            assertThat(segments.get(7, 0).map(SegmentBytes::data)).hasValue(first);
            assertThat(segments.get(7, 3).map(SegmentBytes::data)).hasValue(last);
            assertThat(segments.get(7, 1)).isEmpty();
            assertThat(segments.get(8, 0)).isEmpty();
            assertThat(segments.count(7)).isEqualTo(2);
        }
    }

    @Test
    void aSegmentHeldAlreadyIsNeitherRewrittenNorCountedTwice() {
        byte[] data = bytes(3, 512);
        try (MapDbStore store = MapDbStore.open(dir.resolve("store")); SegmentStore segments = new SegmentStore(store, dir.resolve("data"))) {
            segments.put(1, List.of(segment(0, data)));

            assertThat(segments.put(1, List.of(segment(0, bytes(4, 512)), segment(1, data), segment(1, data)))).isEqualTo(1);

            assertThat(segments.get(1, 0).map(SegmentBytes::data)).hasValue(data);
            assertThat(segments.count(1)).isEqualTo(2);
        }
    }

    @Test
    void whatWasStoredSurvivesAReopen() {
        byte[] data = bytes(5, FileLayout.SEGMENT_SIZE);
        try (MapDbStore store = MapDbStore.open(dir.resolve("store")); SegmentStore segments = new SegmentStore(store, dir.resolve("data"))) {
            segments.put(42, List.of(segment(5, data)));
        }
        try (MapDbStore store = MapDbStore.open(dir.resolve("store")); SegmentStore segments = new SegmentStore(store, dir.resolve("data"))) {
            assertThat(segments.get(42, 5).map(SegmentBytes::data)).hasValue(data);
            assertThat(segments.get(42, 5).map(SegmentBytes::proof)).hasValue(PROOF);
            assertThat(segments.count(42)).isEqualTo(1);
        }
    }

    @Test
    void aDeletedEntryLeavesNeitherIndexNorFile() throws Exception {
        try (MapDbStore store = MapDbStore.open(dir.resolve("store")); SegmentStore segments = new SegmentStore(store, dir.resolve("data"))) {
            segments.put(9, List.of(segment(0, bytes(6, 256)), segment(1, bytes(7, 256))));
            segments.put(10, List.of(segment(0, bytes(8, 256))));

            segments.delete(9);

            assertThat(segments.get(9, 0)).isEmpty();
            assertThat(segments.count(9)).isZero();
            assertThat(segments.get(10, 0)).isPresent();
            try (var files = Files.list(dir.resolve("data"))) {
                assertThat(files.map(f -> f.getFileName().toString())).containsExactly(String.format("%016x.seg", 10));
            }
        }
    }

    @Test
    void manyEntriesStayReadableBeyondTheOpenFileLimit() {
        try (MapDbStore store = MapDbStore.open(dir.resolve("store")); SegmentStore segments = new SegmentStore(store, dir.resolve("data"))) {
            for (long txSeq = 0; txSeq < 100; txSeq++) {
                segments.put(txSeq, List.of(segment(0, bytes((int) txSeq, 300))));
            }
            for (long txSeq = 0; txSeq < 100; txSeq++) {
                assertThat(segments.get(txSeq, 0).map(SegmentBytes::data)).hasValue(bytes((int) txSeq, 300));
            }
        }
    }

    private static final SegmentProof PROOF = new SegmentProof(List.of(Hash.of(bytes(1, 32)), Hash.of(bytes(2, 32)), Hash.of(bytes(3, 32))), List.of(true));

    private static SegmentBytes segment(int index, byte[] data) {
        return new SegmentBytes(index, data, PROOF);
    }

    private static byte[] bytes(int seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
