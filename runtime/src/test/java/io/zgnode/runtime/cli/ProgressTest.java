package io.zgnode.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong();

    @Test
    void drawsInPlaceAtMostTenTimesASecondAndEndsWithANewline() {
        try (Progress progress = new Progress("uploading", 10 * 1024 * 1024, Progress.Unit.BYTES, err, true, clock::get)) {
            progress.advance(1024 * 1024);
            progress.advance(1024 * 1024); // within 100 ms: not drawn
            clock.addAndGet(150_000_000L);
            progress.advance(1024 * 1024);
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertThat(drawn.split("\r", -1)).containsExactly("",
                "uploading [###...........................]  10%  1.0 MiB / 10.0 MiB",
                "uploading [#########.....................]  30%  3.0 MiB / 10.0 MiB",
                "uploading [#########.....................]  30%  3.0 MiB / 10.0 MiB" + System.lineSeparator());
    }

    @Test
    void theLastStateIsAlwaysDrawn() {
        try (Progress progress = new Progress("blocks", 4, Progress.Unit.ITEMS, err, true, clock::get)) {
            progress.advance(1);
            progress.advance(3);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("100%  4 / 4").endsWith(System.lineSeparator());
    }

    @Test
    void anUnknownTotalShowsTheCount() {
        Progress progress = new Progress("downloading", 0, Progress.Unit.BYTES, err, true, clock::get);
        progress.update(1536);
        assertThat(progress.render()).isEqualTo("downloading  1.5 KiB");
        progress.close();
    }

    @Test
    void aTransferShowsItsAverageRateInMegabytesPerSecond() {
        Progress progress = new Progress("uploading", 100_000_000, Progress.Unit.BYTES, err, true, clock::get, true);
        assertThat(progress.render()).doesNotContain("MB/s");
        clock.addAndGet(2_000_000_000L);
        progress.update(25_000_000);
        assertThat(progress.render()).endsWith("23.8 MiB / 95.4 MiB  12.5 MB/s");
        progress.close();
    }

    @Test
    void printsNothingWhenNotShown() {
        try (Progress progress = new Progress("uploading", 100, Progress.Unit.BYTES, err, false, clock::get)) {
            progress.advance(50);
        }
        assertThat(bytes.toByteArray()).isEmpty();
    }

    @Test
    void stderrUnderTestsIsNotATerminal() {
        assertThat(Progress.stderrIsTerminal()).isFalse();
    }
}
