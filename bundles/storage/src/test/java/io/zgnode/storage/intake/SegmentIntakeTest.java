package io.zgnode.storage.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Hash;
import io.zgnode.store.internal.MapDbStore;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.FileMerkle;
import io.zgnode.storage.merkle.FileTree;
import io.zgnode.storage.merkle.SegmentData;
import io.zgnode.storage.merkle.SegmentWithProof;
import io.zgnode.storage.segments.SegmentBytes;
import io.zgnode.storage.segments.SegmentStore;
import io.zgnode.storage.segments.ShardConfig;

class SegmentIntakeTest {

    /** 3 segments and a bit: 4 segments, the last one short. */
    private static final byte[] FILE = random(3 * FileLayout.SEGMENT_SIZE + 5_000);
    private static final FileTree TREE = FileMerkle.sequential().of(FILE);
    private static final StoredEntry ENTRY = new StoredEntry(5, TREE.root(), FILE.length, 0, TREE.submission().nodes());

    @TempDir
    Path dir;
    private MapDbStore store;
    private SegmentStore segments;

    @BeforeEach
    void open() {
        store = MapDbStore.open(dir.resolve("store"));
        segments = new SegmentStore(store, dir.resolve("data"));
    }

    @AfterEach
    void close() {
        segments.close();
        store.close();
    }

    @Test
    void everyValidSegmentIsStored() throws Exception {
        SegmentIntake intake = new SegmentIntake(segments, ShardConfig.ALL, 16);

        assertThat(intake.accept(ENTRY, all())).isEqualTo(new SegmentIntake.Outcome(4, 0));

        for (int i = 0; i < 4; i++) {
            assertThat(segments.get(5, i).map(SegmentBytes::data)).hasValue(SegmentData.of(FILE, i));
            assertThat(segments.get(5, i).map(SegmentBytes::proof)).hasValue(TREE.proof(i));
        }
        assertThat(intake.accept(ENTRY, all())).isEqualTo(new SegmentIntake.Outcome(0, 0));
    }

    @Test
    void aNodeKeepsOnlyTheSegmentsOfItsShard() throws Exception {
        StoredEntry shifted = new StoredEntry(5, TREE.root(), FILE.length, 3 * FileLayout.SEGMENT_CHUNKS, TREE.submission().nodes());
        SegmentIntake intake = new SegmentIntake(segments, new ShardConfig(1, 2), 16);

        assertThat(intake.accept(shifted, all())).isEqualTo(new SegmentIntake.Outcome(2, 2));

        // flow segments 3..6: shard 1 of 2 holds flow segments 3 and 5, the entry's segments 0 and 2
        assertThat(segments.has(5, 0)).isTrue();
        assertThat(segments.has(5, 1)).isFalse();
        assertThat(segments.has(5, 2)).isTrue();
        assertThat(segments.has(5, 3)).isFalse();
    }

    @Test
    void oneBadSegmentInABatchStoresNothing() {
        List<UploadedSegment> batch = all();
        byte[] flipped = SegmentData.of(FILE, 2);
        flipped[100] ^= 1;
        batch.set(2, UploadedSegment.of(new SegmentWithProof(ENTRY.root(), flipped, 2, TREE.proof(2), FILE.length)));

        assertThatThrownBy(() -> new SegmentIntake(segments, ShardConfig.ALL, 16).accept(ENTRY, batch))
                .isInstanceOf(InvalidSegmentException.class).hasMessageContaining("segment 2 rejected");
        assertThat(segments.count(5)).isZero();
    }

    @Test
    void segmentsThatDoNotBelongAreRefusedWithTheReason() {
        SegmentIntake intake = new SegmentIntake(segments, ShardConfig.ALL, 2);
        SegmentWithProof good = TREE.segment(1, SegmentData.of(FILE, 1));

        assertRefused(intake, new SegmentWithProof(Hash.ZERO, good.data(), 1, good.proof(), FILE.length), "is for root");
        assertRefused(intake, new SegmentWithProof(ENTRY.root(), good.data(), 1, good.proof(), FILE.length + 1), "says the file has");
        assertRefused(intake, new SegmentWithProof(ENTRY.root(), good.data(), 2, good.proof(), FILE.length), "rejected");
        assertRefused(intake, new SegmentWithProof(ENTRY.root(), good.data(), 4, good.proof(), FILE.length), "out of range");
        assertRefused(intake, new SegmentWithProof(ENTRY.root(), new byte[1000], 1, good.proof(), FILE.length), "must be");
        assertThatThrownBy(() -> intake.accept(ENTRY, all())).hasMessageContaining("at most 2");
        assertThatThrownBy(() -> intake.accept(ENTRY, List.of())).hasMessageContaining("no segments");
        assertThat(segments.count(5)).isZero();
    }

    private void assertRefused(SegmentIntake intake, SegmentWithProof segment, String reason) {
        assertThatThrownBy(() -> intake.accept(ENTRY, List.of(UploadedSegment.of(segment)))).isInstanceOf(InvalidSegmentException.class)
                .hasMessageContaining(reason);
    }

    private static List<UploadedSegment> all() {
        List<UploadedSegment> all = new ArrayList<>();
        for (int i = 0; i < TREE.layout().segments(); i++) {
            all.add(UploadedSegment.of(TREE.segment(i, SegmentData.of(FILE, i))));
        }
        return all;
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(11).nextBytes(bytes);
        return bytes;
    }
}
