package io.zgnode.runtime.cli.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.runtime.UserError;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.SegmentData;

/** The SDK 1.2.8's cut of a file into fragments ({@code splitableUpload}), and reading a fragment's segments. */
class FragmentsTest {

    private static final long GIB = 1L << 30;
    private static final Path FILE = Path.of("file.bin");

    @TempDir
    Path dir;

    @Test
    void aFileOfAtMostTheFragmentSizeIsOnePartTheWholeFile() {
        assertThat(Fragments.of(FILE, 4 * GIB, 4 * GIB)).containsExactly(FilePart.whole(FILE, 4 * GIB));
        assertThat(Fragments.of(FILE, 1, FileLayout.SEGMENT_SIZE)).containsExactly(FilePart.whole(FILE, 1));
        assertThat(Fragments.of(FILE, 1 << 20, 1 << 20).get(0).isWhole()).isTrue();
    }

    @Test
    void aLargerFileIsCutFromItsStartIntoFragmentsOfTheSizeTheLastOneTheRest() {
        assertThat(Fragments.of(FILE, 4 * GIB + 1, 4 * GIB)).containsExactly(
                new FilePart(FILE, 4 * GIB + 1, 0, 2, 0, 4 * GIB),
                new FilePart(FILE, 4 * GIB + 1, 1, 2, 4 * GIB, 1));
        long size = 5 * (1 << 20) / 2;
        List<FilePart> parts = Fragments.of(FILE, size, 1 << 20);
        assertThat(parts).extracting(FilePart::offset).containsExactly(0L, 1L << 20, 2L << 20);
        assertThat(parts).extracting(FilePart::size).containsExactly(1L << 20, 1L << 20, 1L << 19);
        assertThat(parts).allMatch(part -> part.count() == 3 && part.fileSize() == size && !part.isWhole());
        assertThat(Fragments.of(FILE, 2L << 20, 1 << 20)).extracting(FilePart::size).containsExactly(1L << 20, 1L << 20);
        assertThat(Fragments.of(FILE, 100 * GIB + 7, 4 * GIB)).hasSize(26).last().extracting(FilePart::size).isEqualTo(7L);
    }

    @Test
    void aFragmentSizeIsAPowerOfTwoFromOneSegmentTo4GiB() {
        for (long good : new long[] {FileLayout.SEGMENT_SIZE, 1 << 20, 4 * GIB}) {
            assertThat(Fragments.problem(good)).as("%d", good).isEmpty();
        }
        for (long bad : new long[] {0, -1, 256, FileLayout.SEGMENT_SIZE - 1, 3L << 18, 8 * GIB, 4 * GIB + 1, Long.MIN_VALUE}) {
            assertThat(Fragments.problem(bad)).as("%d", bad)
                    .contains("a fragment size is a power of two from 262144 (one segment) to 4294967296 (4 GiB) bytes, not " + bad);
        }
        assertThatThrownBy(() -> Fragments.of(FILE, 10, 1000)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 1000");
        assertThatThrownBy(() -> Fragments.of(FILE, 0, 1 << 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFragmentsSegmentsAreThoseOfTheFragmentAsAFileOfItsOwn() throws Exception {
        byte[] bytes = new byte[3 * FileLayout.SEGMENT_SIZE + 1234];
        new Random(5).nextBytes(bytes);
        Path file = Files.write(dir.resolve("data.bin"), bytes);
        List<FilePart> parts = Fragments.of(file, bytes.length, 2 * FileLayout.SEGMENT_SIZE);
        assertThat(parts).hasSize(2);
        for (FilePart part : parts) {
            byte[] alone = Arrays.copyOfRange(bytes, (int) part.offset(), (int) (part.offset() + part.size()));
            try (FileChannel channel = part.open()) {
                for (int index = 0; index < new FileLayout(part.size()).segments(); index++) {
                    assertThat(part.segment(channel, index)).as("part %d segment %d", part.index(), index).isEqualTo(SegmentData.of(alone, index));
                }
            }
        }
        Files.write(file, new byte[] {1}, StandardOpenOption.APPEND);
        assertThatThrownBy(() -> parts.get(1).open()).isInstanceOf(UserError.class)
                .hasMessage(file + " changed while it was being uploaded: it had " + bytes.length + " bytes, now " + (bytes.length + 1));
    }
}
