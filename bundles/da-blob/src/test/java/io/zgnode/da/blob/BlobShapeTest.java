package io.zgnode.da.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlobShapeTest {

    @Test
    void zeroGsShapeAndLimit() {
        assertThat(BlobShape.ZG).isEqualTo(new BlobShape(1024, 3072));
        assertThat(BlobShape.MAX_PAYLOAD).isEqualTo(32_505_852);
        assertThat(BlobShape.ZG.rowBytes(BlobShape.MAX_PAYLOAD)).isEqualTo(32_768);
        assertThat(BlobShape.ZG.maxRowBytes()).isEqualTo(32_768);
        assertThat(BlobShape.ZG.parityRows()).isEqualTo(2048);
    }

    /** The smallest 256 B x 2^r with k rows holding the payload and its 4-byte length. */
    @ParameterizedTest(name = "{0} rows, {1} bytes -> {2}")
    @CsvSource({
        "1024, 1, 256", "1024, 262140, 256", "1024, 262141, 512", "1024, 524284, 512", "1024, 524285, 1024",
        "4, 3145728, 1048576", "4, 4194300, 1048576", "4, 4194301, 2097152",
        "1, 1, 256", "1, 252, 256", "1, 253, 512", "1, 32505852, 33554432",
        "3, 1000, 512", "16, 32505852, 2097152", "1000, 32505852, 32768"})
    void rowBytesIsTheSmallestPowerOfTwoRunThatFits(int dataRows, int payload, int rowBytes) {
        BlobShape shape = new BlobShape(dataRows, dataRows + 1);
        assertThat(shape.rowBytes(payload)).isEqualTo(rowBytes);
        assertThat((long) dataRows * rowBytes).isGreaterThanOrEqualTo(payload + 4L);
        assertThat(rowBytes == 256 || (long) dataRows * (rowBytes / 2) < payload + 4L).as("smallest").isTrue();
        assertThat(shape.isRowBytes(rowBytes)).isTrue();
    }

    @Test
    void rowSizes() {
        assertThat(BlobShape.ZG.isRowBytes(256)).isTrue();
        assertThat(BlobShape.ZG.isRowBytes(32_768)).isTrue();
        assertThat(BlobShape.ZG.isRowBytes(65_536)).as("larger than any payload needs").isFalse();
        assertThat(BlobShape.ZG.isRowBytes(128)).isFalse();
        assertThat(BlobShape.ZG.isRowBytes(768)).isFalse();
        assertThat(BlobShape.ZG.isRowBytes(0)).isFalse();
        assertThat(BlobShape.ZG.isRowBytes(-256)).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0, 3", "-1, 3", "3, 3", "4, 3", "1, 65537", "65536, 65537"})
    void badShapesAreRefused(int dataRows, int totalRows) {
        assertThatThrownBy(() -> new BlobShape(dataRows, totalRows)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dataRows + " -> " + totalRows);
    }

    @Test
    void theLargestShapes() {
        assertThat(new BlobShape(1, 65536).totalRows()).isEqualTo(65536);
        assertThat(new BlobShape(65535, 65536).rowBytes(1)).isEqualTo(256);
    }

    @Test
    void payloadLengthsOutsideTheLimitHaveNoRowSize() {
        assertThatThrownBy(() -> BlobShape.ZG.rowBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobShape.ZG.rowBytes(BlobShape.MAX_PAYLOAD + 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32505852").hasMessageContaining("32505853");
    }
}
