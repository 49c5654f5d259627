package io.zgnode.storage.peers;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.net.InvalidRequestException;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.segments.ProofCodec;
import io.zgnode.storage.segments.SegmentBytes;
import io.zgnode.storage.segments.ShardConfig;

/**
 * What storage nodes ask each other over the peer network, and the bytes of it. A node never
 * trusts what a peer sends: segments are checked against the entry this node itself saw committed.
 */
public final class StorageProtocol {

    /** Who are you: the node's RPC URL and shard. Request empty; response {@link NodeCard}. */
    public static final String INFO = "storage.info";
    /** One segment: request txSeq (8) || index (4); response 0, or 1 || length (4) || data || proof. */
    public static final String SEGMENT = "storage.segment";
    /** Whether a peer holds a file: request root (32); response one byte, see {@link FileState}. */
    public static final String FILE = "storage.file";

    private static final int MAX_URL_BYTES = 1024;

    private StorageProtocol() {
    }

    /** A storage node as it presents itself. */
    public record NodeCard(String url, ShardConfig shard) {
    }

    /** How much of a file a node holds. */
    public enum FileState {
        UNKNOWN, INCOMPLETE, FINALIZED
    }

    static byte[] encodeCard(NodeCard card) {
        byte[] url = card.url().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(10 + url.length).putInt(card.shard().shardId()).putInt(card.shard().numShard())
                .putShort((short) url.length).put(url).array();
    }

    static NodeCard decodeCard(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            ShardConfig shard = new ShardConfig(in.getInt(), in.getInt());
            int length = in.getShort();
            if (length < 0 || length > MAX_URL_BYTES || length != in.remaining()) {
                throw new IllegalArgumentException("bad URL length " + length);
            }
            byte[] url = new byte[length];
            in.get(url);
            return new NodeCard(new String(url, StandardCharsets.UTF_8), shard);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated node card", e);
        }
    }

    static byte[] encodeSegmentRequest(long txSeq, int index) {
        return ByteBuffer.allocate(12).putLong(txSeq).putInt(index).array();
    }

    record SegmentRequest(long txSeq, int index) {
    }

    static SegmentRequest decodeSegmentRequest(byte[] bytes) throws InvalidRequestException {
        if (bytes.length != 12) {
            throw new InvalidRequestException("a segment request is 12 bytes, not " + bytes.length);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        SegmentRequest request = new SegmentRequest(in.getLong(), in.getInt());
        if (request.txSeq() < 0 || request.index() < 0) {
            throw new InvalidRequestException("negative txSeq or index");
        }
        return request;
    }

    static byte[] encodeSegment(Optional<SegmentBytes> segment) {
        if (segment.isEmpty()) {
            return new byte[] {0};
        }
        SegmentBytes held = segment.get();
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + held.data().length + ProofCodec.size(held.proof()));
        out.put((byte) 1).putInt(held.data().length).put(held.data());
        ProofCodec.write(out, held.proof());
        return out.array();
    }

    /** A peer's answer; a malformed one is the peer's fault. */
    static Optional<SegmentBytes> decodeSegment(int index, byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.get() == 0) {
                return Optional.empty();
            }
            int length = in.getInt();
            if (length <= 0 || length > FileLayout.SEGMENT_SIZE) {
                throw new IllegalArgumentException("segment length " + length);
            }
            byte[] data = new byte[length];
            in.get(data);
            return Optional.of(new SegmentBytes(index, data, ProofCodec.read(in)));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated segment", e);
        }
    }

    static Hash decodeRoot(byte[] bytes) throws InvalidRequestException {
        if (bytes.length != Hash.LENGTH) {
            throw new InvalidRequestException("a file request is a 32-byte root, not " + bytes.length + " bytes");
        }
        return Hash.of(bytes);
    }
}
