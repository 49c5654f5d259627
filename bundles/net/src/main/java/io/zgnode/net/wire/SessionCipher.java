package io.zgnode.net.wire;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import io.zgnode.net.wire.ProtocolException.Kind;

/**
 * One direction of a session: ChaCha20-Poly1305 with a 32-byte key and a frame counter as nonce
 * (4 zero bytes, then the counter big-endian). The frame's 4-byte length prefix is the associated
 * data. Owned by one thread at a time (the link's event loop).
 */
public final class SessionCipher {

    public static final int TAG_LENGTH = 16;
    /** A link ends long before its counter could wrap. */
    private static final long MAX_FRAMES = Long.MAX_VALUE;

    private final KeyParameter key;
    private final ChaCha20Poly1305 aead = new ChaCha20Poly1305();
    private long counter;

    public SessionCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a session key is 32 bytes");
        }
        this.key = new KeyParameter(key.clone());
    }

    /** Frames sealed or opened so far. */
    public long counter() {
        return counter;
    }

    /** A whole wire frame: length prefix, then {@code plain} encrypted and tagged. */
    public byte[] seal(byte[] plain) {
        int length = plain.length + TAG_LENGTH;
        byte[] out = new byte[4 + length];
        putInt(out, 0, length);
        init(true, out);
        int n = aead.processBytes(plain, 0, plain.length, out, 4);
        try {
            aead.doFinal(out, 4 + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /**
     * The plaintext of a wire frame ({@code frame[off..off+len)} with its length prefix).
     *
     * @throws ProtocolException if it does not authenticate under this direction's next nonce
     */
    public byte[] open(byte[] frame, int off, int len) throws ProtocolException {
        int body = len - 4;
        if (body < TAG_LENGTH) {
            throw new ProtocolException(Kind.MALFORMED, "encrypted frame of " + body + " bytes is shorter than its tag");
        }
        init(false, frame, off);
        byte[] plain = new byte[body - TAG_LENGTH];
        try {
            int n = aead.processBytes(frame, off + 4, body, plain, 0);
            aead.doFinal(plain, n);
        } catch (InvalidCipherTextException | IllegalStateException | org.bouncycastle.crypto.DataLengthException e) {
            throw new ProtocolException(Kind.DECRYPTION, "frame " + (counter - 1) + " does not authenticate");
        }
        return plain;
    }

    private void init(boolean encrypt, byte[] prefix) {
        init(encrypt, prefix, 0);
    }

    private void init(boolean encrypt, byte[] prefix, int off) {
        if (counter == MAX_FRAMES) {
            throw new IllegalStateException("session frame counter exhausted");
        }
        long c = counter++;
        byte[] nonce = new byte[12];
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] = (byte) (c >>> (56 - 8 * i));
        }
        byte[] lengthPrefix = java.util.Arrays.copyOfRange(prefix, off, off + 4);
        aead.init(encrypt, new AEADParameters(key, TAG_LENGTH * 8, nonce, lengthPrefix));
    }

    static void putInt(byte[] out, int off, int value) {
        out[off] = (byte) (value >>> 24);
        out[off + 1] = (byte) (value >>> 16);
        out[off + 2] = (byte) (value >>> 8);
        out[off + 3] = (byte) value;
    }
}
