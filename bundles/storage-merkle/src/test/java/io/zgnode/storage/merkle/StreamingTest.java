package io.zgnode.storage.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way in gives the same tree: arrays, paths, channels, streams; one thread or many. */
class StreamingTest {

    @TempDir
    Path dir;

    @Test
    void allSourcesAndThreadCountsAgree() throws IOException {
        // 40 segments and a short one; a 1 MiB flow-padding unit, so some segments are padding alone.
        for (int size : new int[] {1, 262144, 262145, 40 * 262144 + 777, 4 * 1048576 + 1}) {
            byte[] file = Patterns.bytes("xs:" + size, size);
            Path path = dir.resolve("f" + size);
            Files.write(path, file);
            FileTree expected = FileMerkle.sequential().of(file);

            for (int threads : new int[] {1, 2, 3, 8}) {
                FileMerkle merkle = FileMerkle.threads(threads);
                assertSame(merkle.of(file), expected);
                assertSame(merkle.of(path), expected);
                assertSame(merkle.of(new ByteArrayInputStream(file)), expected);
                assertSame(merkle.of(new Trickle(new ByteArrayInputStream(file))), expected);
                try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                    channel.position(5);
                    assertSame(merkle.of(channel), expected);
                    assertThat(channel.position()).isEqualTo(5);
                    for (int i = 0; i < expected.layout().segments(); i++) {
                        assertThat(SegmentData.read(channel, i)).isEqualTo(SegmentData.of(file, i));
                    }
                }
            }
            assertSame(FileMerkle.parallel().of(path), expected);
        }
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty"));
        for (FileMerkle merkle : new FileMerkle[] {FileMerkle.sequential(), FileMerkle.threads(4)}) {
            assertThatThrownBy(() -> merkle.of(new byte[0])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least one byte");
            assertThatThrownBy(() -> merkle.of(empty)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> merkle.of(InputStream.nullInputStream())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aFailingStreamFailsTheCall() {
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(new byte[3 * 262144])) {
            private int reads;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (++reads > 2) {
                    throw new IOException("disk gone");
                }
                return super.read(b, off, len);
            }
        };
        assertThatThrownBy(() -> FileMerkle.threads(2).of(failing)).isInstanceOf(IOException.class).hasMessage("disk gone");
    }

    private static void assertSame(FileTree actual, FileTree expected) {
        assertThat(actual.root()).isEqualTo(expected.root());
        assertThat(actual.layout()).isEqualTo(expected.layout());
        assertThat(actual.submission()).isEqualTo(expected.submission());
        for (int i = 0; i < expected.layout().paddedSegments(); i++) {
            assertThat(actual.segmentRoot(i)).isEqualTo(expected.segmentRoot(i));
        }
    }

    /** Hands out at most 1000 bytes per read, as a slow pipe would. */
    private static final class Trickle extends FilterInputStream {
        Trickle(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1000));
        }
    }
}
