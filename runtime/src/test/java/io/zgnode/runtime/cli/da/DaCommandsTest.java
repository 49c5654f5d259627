package io.zgnode.runtime.cli.da;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.da.blob.BlobShape;
import io.zgnode.runtime.cli.Cli;

/** What the DA client commands decide before and without a node: sizes, roots, the sampling confidence. */
class DaCommandsTest {

    @TempDir
    Path dir;

    @Test
    void emptyAndOversizedBlobsAreRefusedBeforeAnyNodeIsAsked() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.bin"));
        Path big = dir.resolve("big.bin");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(BlobShape.MAX_PAYLOAD + 1L);
        }
        String unreachable = "http://127.0.0.1:1";

        assertThat(Cli.run("client", "da-submit", empty.toString(), "--rpc", unreachable).failure(1)).contains("0 bytes").contains("1 to 32505852");
        assertThat(Cli.run("client", "da-submit", big.toString(), "--rpc", unreachable).failure(1)).contains("32505853 bytes");
        assertThat(Cli.run("client", "da-get", "0x12", "--rpc", unreachable, "--out", dir.resolve("out").toString()).failure(1))
                .contains("not a data root");
        assertThat(Cli.run("client", "da-sample", "0x" + "00".repeat(32), "--rpc", unreachable, "--samples", "0").failure(1))
                .contains("--samples must be 1 to 4096");
    }

    @Test
    void theConfidenceIsOneMinusTheChanceAnUndecodableBlobShowsAsManyGoodRows() {
        double p = 1023 / 3072.0;
        assertThat(DaSampleCommand.confidence(16, 16, p)).isCloseTo(1 - Math.pow(p, 16), within(1e-15));
        assertThat(DaSampleCommand.confidence(16, 0, p)).isZero();
        // one row missing of two samples: at least one good row out of two, binomially
        assertThat(DaSampleCommand.confidence(2, 1, 0.5)).isCloseTo(0.25, within(1e-12));
        assertThat(DaSampleCommand.confidence(64, 48, p)).isGreaterThan(DaSampleCommand.confidence(64, 40, p));
    }
}
