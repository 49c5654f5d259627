package io.zgnode.crypto.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The Keccak sponge at Keccak-256's rate (136 bytes) with Ethereum's original padding (0x01,
 * not SHA3's 0x06). Input is XORed straight into the state lanes, eight bytes at a time where the
 * position allows, so there is no block buffer to copy through.
 *
 * <p>Not thread-safe: one owner at a time.
 */
public final class Keccak256Sponge {
    public static final int DIGEST_LENGTH = 32;

    private static final int RATE = 136;
    private static final int RATE_LANES = RATE / 8;
    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long[] state = new long[25];
    /** Bytes of the current block absorbed so far, 0 until RATE. */
    private int position;

    public void absorb(byte b) {
        xorByte(b);
        if (position == RATE) {
            permuteBlock();
        }
    }

    public void absorb(byte[] in, int off, int len) {
        while (len > 0) {
            if (position == 0) {
                while (len >= RATE) {
                    for (int lane = 0; lane < RATE_LANES; lane++) {
                        state[lane] ^= (long) LITTLE_ENDIAN_LONG.get(in, off + 8 * lane);
                    }
                    KeccakF1600.permute(state);
                    off += RATE;
                    len -= RATE;
                }
                if (len == 0) {
                    return;
                }
            }
            int end = position + Math.min(len, RATE - position);
            len -= end - position;
            while (position < end && (position & 7) != 0) {
                xorByte(in[off++]);
            }
            while (end - position >= 8) {
                state[position >>> 3] ^= (long) LITTLE_ENDIAN_LONG.get(in, off);
                off += 8;
                position += 8;
            }
            while (position < end) {
                xorByte(in[off++]);
            }
            if (position == RATE) {
                permuteBlock();
            }
        }
    }

    /** Pads, writes the 32-byte digest to {@code out} at {@code off}, and resets for new input. */
    public void squeeze(byte[] out, int off) {
        state[position >>> 3] ^= 0x01L << ((position & 7) << 3);
        state[RATE_LANES - 1] ^= 0x80L << 56;
        KeccakF1600.permute(state);
        for (int lane = 0; lane < DIGEST_LENGTH / 8; lane++) {
            LITTLE_ENDIAN_LONG.set(out, off + 8 * lane, state[lane]);
        }
        reset();
    }

    public void reset() {
        Arrays.fill(state, 0L);
        position = 0;
    }

    private void xorByte(byte b) {
        state[position >>> 3] ^= (b & 0xFFL) << ((position & 7) << 3);
        position++;
    }

    private void permuteBlock() {
        KeccakF1600.permute(state);
        position = 0;
    }
}
