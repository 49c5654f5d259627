package io.zgnode.storage.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zgnode.api.rpc.RpcException;
import io.zgnode.store.internal.MapDbStore;
import io.zgnode.storage.intake.SegmentIntake;
import io.zgnode.storage.intake.StoredEntry;
import io.zgnode.storage.intake.UploadedSegment;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.FileMerkle;
import io.zgnode.storage.merkle.FileTree;
import io.zgnode.storage.merkle.ProofVerifier;
import io.zgnode.storage.merkle.SegmentData;
import io.zgnode.storage.merkle.SegmentWithProof;
import io.zgnode.storage.segments.SegmentStore;
import io.zgnode.storage.segments.ShardConfig;

class ZgsEndpointTest {

    private static final byte[] FILE = random(2 * FileLayout.SEGMENT_SIZE + 700);
    private static final FileTree TREE = FileMerkle.sequential().of(FILE);
    private static final String ROOT = TREE.root().toString();

    @TempDir
    Path dir;
    private MapDbStore store;
    private SegmentStore segments;
    private final List<StoredEntry> flow = new ArrayList<>();
    private ZgsEndpoint zgs;

    @BeforeEach
    void open() {
        store = MapDbStore.open(dir.resolve("store"));
        segments = new SegmentStore(store, dir.resolve("data"));
        zgs = new ZgsEndpoint(new ListedEntries(flow), segments, new SegmentIntake(segments, ShardConfig.ALL, 4), ShardConfig.ALL);
    }

    @AfterEach
    void close() {
        segments.close();
        store.close();
    }

    @Test
    void aCommittedFileIsKnownBeforeItsSegmentsAndFinalizedAfterThem() {
        assertThat(zgs.getFileInfo(ROOT, true)).isNull();
        commit();

        FileInfoJson before = zgs.getFileInfo(ROOT, true);
        assertThat(before.finalized()).isFalse();
        assertThat(before.uploadedSegNum()).isZero();
        assertThat(before.tx().seq()).isZero();
        assertThat(before.tx().size()).isEqualTo(FILE.length);
        assertThat(before.tx().dataMerkleRoot()).isEqualTo(ROOT);
        assertThat(before.tx().merkleNodes()).hasSameSizeAs(TREE.submission().nodes());

        zgs.uploadSegments(List.of(json(0), json(1)));
        assertThat(zgs.checkFileFinalized(0)).isFalse();
        zgs.uploadSegmentByTxSeq(json(2), 0);

        assertThat(zgs.getFileInfo(ROOT, true).finalized()).isTrue();
        assertThat(zgs.getFileInfoByTxSeq(0).uploadedSegNum()).isEqualTo(3);
        assertThat(zgs.checkFileFinalized(ROOT)).isTrue();
    }

    @Test
    void segmentsComeBackWithTheirProofsAndAsChunkRanges() {
        commit();
        zgs.uploadSegments(List.of(json(0), json(1), json(2)));

        ServedSegmentJson second = zgs.downloadSegmentWithProof(ROOT, 1);
        assertThat(second.data()).isEqualTo(SegmentData.of(FILE, 1));
        UploadedSegment decoded = uploadShape(second).toSegment();
        assertThat(ProofVerifier.check(decoded.segment().data(), 1, decoded.segment().proof(), TREE.root(), FILE.length)).isEmpty();
        assertThat(zgs.downloadSegmentWithProofByTxSeq(0, 2).data()).isEqualTo(SegmentData.of(FILE, 2));

        String lastChunks = zgs.downloadSegment(ROOT, 2048, 2051);
        assertThat(Base64.getDecoder().decode(lastChunks)).isEqualTo(Arrays.copyOfRange(SegmentData.of(FILE, 2), 0, 768));
        assertThat(zgs.downloadSegmentByTxSeq(0, 0, 1024)).isEqualTo(Base64.getEncoder().encodeToString(SegmentData.of(FILE, 0)));
    }

    /** The base64 the SDK decodes: standard alphabet, padded (a full segment's 262,144 bytes end in "=="). */
    @Test
    void servedDataIsStandardPaddedBase64InTheAnswer() throws Exception {
        commit();
        zgs.uploadSegments(List.of(json(0), json(1), json(2)));
        for (int index = 0; index < 3; index++) {
            JsonNode answer = new ObjectMapper().valueToTree(zgs.downloadSegmentWithProof(ROOT, index));
            assertThat(answer.get("data").asText()).isEqualTo(Base64.getEncoder().encodeToString(SegmentData.of(FILE, index)));
            assertThat(answer.get("index").asInt()).isEqualTo(index);
            assertThat(answer.get("root").asText()).isEqualTo(ROOT);
            assertThat(answer.get("fileSize").asLong()).isEqualTo(FILE.length);
            assertThat(answer.get("proof").get("lemma")).hasSize(TREE.proof(index).lemma().size());
        }
    }

    @Test
    void badUploadsAreRefusedWithTheReasonAndStoreNothing() {
        assertRefused(() -> zgs.uploadSegment(json(0)), "submit the file to the Flow contract first");
        commit();
        SegmentJson good = json(1);
        byte[] flipped = Base64.getDecoder().decode(good.data());
        flipped[7] ^= 1;
        SegmentJson bad = new SegmentJson(good.root(), Base64.getEncoder().encodeToString(flipped), 1, good.proof(), good.fileSize());

        assertRefused(() -> zgs.uploadSegments(List.of(json(0), bad)), "segment 1 rejected");
        assertRefused(() -> zgs.uploadSegments(List.of(json(0), json(1), json(2), json(0), json(1))), "at most 4");
        assertRefused(() -> zgs.uploadSegment(new SegmentJson("0x12", good.data(), 1, good.proof(), good.fileSize())), "root must be");
        assertRefused(() -> zgs.uploadSegmentByTxSeq(json(0), 9), "no flow entry 9");
        assertRefused(() -> zgs.uploadSegment(new SegmentJson(good.root(), good.data(), 3, good.proof(), good.fileSize())), "out of range");
        assertRefused(() -> zgs.downloadSegment(ROOT, 1000, 1030), "more than one segment");

        assertThat(zgs.getFileInfo(ROOT, false).uploadedSegNum()).isZero();
        assertThat(zgs.downloadSegmentWithProof(ROOT, 0)).isNull();
    }

    @Test
    void aSecondSubmissionOfTheSameFileFillsUpInTurn() {
        commit();
        commit();
        zgs.uploadSegments(List.of(json(0), json(1), json(2)));
        assertThat(zgs.getFileInfoByTxSeq(0).finalized()).isTrue();
        assertThat(zgs.getFileInfoByTxSeq(1).finalized()).isFalse();

        zgs.uploadSegments(List.of(json(0), json(1), json(2)));
        assertThat(zgs.getFileInfoByTxSeq(1).finalized()).isTrue();
    }

    private void assertRefused(Runnable call, String reason) {
        assertThatThrownBy(call::run).isInstanceOf(RpcException.class).hasMessageContaining(reason)
                .extracting(e -> ((RpcException) e).code()).isEqualTo(RpcException.INVALID_PARAMS);
    }

    private void commit() {
        flow.add(new StoredEntry(flow.size(), TREE.root(), FILE.length, flow.size() * 4L * FileLayout.SEGMENT_CHUNKS, TREE.submission().nodes()));
    }

    /** Segment {@code index} as a client uploads it. */
    private static SegmentJson json(int index) {
        SegmentWithProof segment = TREE.segment(index, SegmentData.of(FILE, index));
        return new SegmentJson(segment.root().toString(), Base64.getEncoder().encodeToString(segment.data()), index,
                SegmentJson.ProofJson.of(segment.proof()), segment.fileSize());
    }

    private static SegmentJson uploadShape(ServedSegmentJson served) {
        return new SegmentJson(served.root(), Base64.getEncoder().encodeToString(served.data()), served.index(), served.proof(), served.fileSize());
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(3).nextBytes(bytes);
        return bytes;
    }
}
