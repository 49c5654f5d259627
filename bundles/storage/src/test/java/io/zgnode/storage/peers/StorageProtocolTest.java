package io.zgnode.storage.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.net.InvalidRequestException;
import io.zgnode.storage.merkle.SegmentProof;
import io.zgnode.storage.peers.StorageProtocol.NodeCard;
import io.zgnode.storage.segments.SegmentBytes;
import io.zgnode.storage.segments.ShardConfig;

class StorageProtocolTest {

    @Test
    void aNodeCardSurvivesTheWire() {
        NodeCard card = new NodeCard("http://127.0.0.1:8546/", new ShardConfig(1, 2));

        assertThat(StorageProtocol.decodeCard(StorageProtocol.encodeCard(card))).isEqualTo(card);
    }

    @Test
    void aMalformedNodeCardIsRefused() {
        byte[] good = StorageProtocol.encodeCard(new NodeCard("http://x/", ShardConfig.ALL));

        assertThatThrownBy(() -> StorageProtocol.decodeCard(Arrays.copyOf(good, good.length - 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageProtocol.decodeCard(new byte[3])).isInstanceOf(IllegalArgumentException.class);
        byte[] badShard = good.clone();
        badShard[7] = 3;
        assertThatThrownBy(() -> StorageProtocol.decodeCard(badShard)).hasMessageContaining("power of two");
    }

    @Test
    void aSegmentAndItsProofSurviveTheWire() throws Exception {
        SegmentProof proof = new SegmentProof(List.of(Hash.of(new byte[32]), Hash.ZERO, Hash.ZERO), List.of(false));
        SegmentBytes segment = new SegmentBytes(3, new byte[] {1, 2, 3}, proof);

        Optional<SegmentBytes> back = StorageProtocol.decodeSegment(3, StorageProtocol.encodeSegment(Optional.of(segment)));

        assertThat(back).isPresent();
        assertThat(back.get().data()).containsExactly(1, 2, 3);
        assertThat(back.get().proof()).isEqualTo(proof);
        assertThat(StorageProtocol.decodeSegment(3, StorageProtocol.encodeSegment(Optional.empty()))).isEmpty();
        assertThat(StorageProtocol.decodeSegmentRequest(StorageProtocol.encodeSegmentRequest(9, 4))).isEqualTo(new StorageProtocol.SegmentRequest(9, 4));
    }

    @Test
    void malformedRequestsAndAnswersAreRefused() {
        assertThatThrownBy(() -> StorageProtocol.decodeSegmentRequest(new byte[11])).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> StorageProtocol.decodeSegmentRequest(StorageProtocol.encodeSegmentRequest(-1, 0))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> StorageProtocol.decodeRoot(new byte[31])).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> StorageProtocol.decodeSegment(0, new byte[] {1, 0, 0, 0, 9, 1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageProtocol.decodeSegment(0, new byte[] {1, 0x7f, 0, 0, 0})).isInstanceOf(IllegalArgumentException.class);
    }
}
