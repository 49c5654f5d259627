package io.zgnode.storage.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;

class ZeroHashesTest {

    @Test
    void leafAndLevels() {
        assertThat(ZeroHashes.of(0)).isEqualTo(Hash.of("0xd397b3b043d87fcd6fad1291ff0bfd16401c274896d8c63a923727f077b8e0b5"));
        for (int h = 1; h <= ZeroHashes.MAX_HEIGHT; h++) {
            byte[] below = ZeroHashes.of(h - 1).toArray();
            assertThat(ZeroHashes.of(h)).isEqualTo(Hash.of(Keccak256.hash(below, below)));
        }
        assertThatThrownBy(() -> ZeroHashes.of(64)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSegmentOfZerosHasTheHeightTenRoot() {
        assertThat(FileMerkle.sequential().of(new byte[FileLayout.SEGMENT_SIZE]).root()).isEqualTo(ZeroHashes.of(10));
        assertThat(FileMerkle.sequential().of(new byte[4 * FileLayout.SEGMENT_SIZE]).root()).isEqualTo(ZeroHashes.of(12));
    }
}
