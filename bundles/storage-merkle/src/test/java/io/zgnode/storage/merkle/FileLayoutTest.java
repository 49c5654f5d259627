package io.zgnode.storage.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FileLayoutTest {

    @Test
    void flowPadding() {
        assertThat(FileLayout.paddedChunks(1)).isEqualTo(1);
        assertThat(FileLayout.paddedChunks(9)).isEqualTo(9);
        assertThat(FileLayout.paddedChunks(17)).isEqualTo(18);
        assertThat(FileLayout.paddedChunks(1024)).isEqualTo(1024);
        assertThat(FileLayout.paddedChunks(1025)).isEqualTo(1152);
        assertThat(FileLayout.paddedChunks(12289)).isEqualTo(13312);
        assertThat(FileLayout.paddedChunks(16385)).isEqualTo(18432);
    }

    @Test
    void segmentsWithFileBytesAndSegmentsOfTheTree() {
        FileLayout layout = new FileLayout(16384 * 256 + 1);
        assertThat(layout.chunks()).isEqualTo(16385);
        assertThat(layout.segments()).isEqualTo(17);
        assertThat(layout.paddedSegments()).isEqualTo(18);
        assertThat(layout.segmentChunks(16)).isEqualTo(1024);
        assertThat(layout.segmentChunks(17)).isEqualTo(1024);
        assertThat(layout.segmentDataLength(15)).isEqualTo(262144);
        assertThat(layout.segmentDataLength(16)).isEqualTo(256);
        assertThatThrownBy(() -> layout.segmentDataLength(17)).isInstanceOf(IndexOutOfBoundsException.class);

        FileLayout short_ = new FileLayout(1074166);
        assertThat(short_.paddedSegments()).isEqualTo(5);
        assertThat(short_.segmentChunks(4)).isEqualTo(512);
        assertThat(short_.segmentDataLength(4)).isEqualTo(100 * 256);
    }

    @Test
    void sizeZeroIsRefused() {
        assertThatThrownBy(() -> new FileLayout(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one byte");
    }

    /** For every chunk count up to 2^17 the padded count makes a submission the flow accepts. */
    @Test
    void everyPaddedCountFitsTheFlowRules() {
        for (long chunks = 1; chunks <= 1 << 17; chunks++) {
            long padded = FileLayout.paddedChunks(chunks);
            List<SubmissionNode> nodes = new ArrayList<>();
            for (int h = 63; h >= 0; h--) {
                if ((padded & (1L << h)) != 0) {
                    nodes.add(new SubmissionNode(ZeroHashes.of(0), h));
                }
            }
            assertThat(new Submission(chunks * 256, new byte[0], nodes).isValid()).as("chunks %d", chunks).isTrue();
            assertThat(new Submission((chunks - 1) * 256 + 1, new byte[0], nodes).isValid()).as("chunks %d", chunks).isTrue();
        }
    }
}
