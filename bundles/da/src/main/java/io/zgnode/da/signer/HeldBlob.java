package io.zgnode.da.signer;

import java.nio.ByteBuffer;

import io.zgnode.api.chain.Hash;

/**
 * What a signer knows of a blob it holds rows of.
 *
 * @param needed the rows the quorum gives this signer
 * @param held how many of them it holds
 */
public record HeldBlob(Hash dataRoot, long epoch, int quorumId, int rowBytes, int needed, int held) {

    public boolean complete() {
        return held >= needed;
    }

    byte[] encode() {
        return ByteBuffer.allocate(Long.BYTES + 4 * Integer.BYTES).putLong(epoch).putInt(quorumId).putInt(rowBytes).putInt(needed).putInt(held).array();
    }

    static HeldBlob decode(Hash dataRoot, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        return new HeldBlob(dataRoot, in.getLong(), in.getInt(), in.getInt(), in.getInt(), in.getInt());
    }

    HeldBlob withHeld(int newHeld) {
        return new HeldBlob(dataRoot, epoch, quorumId, rowBytes, needed, newHeld);
    }
}
