package io.zgnode.crypto;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** Unkeyed Blake2b (RFC 7693) with 512- or 256-bit output, over the concatenation of its arguments. */
public final class Blake2b {
    private Blake2b() {
    }

    public static byte[] hash512(byte[]... parts) {
        return hash(512, parts);
    }

    public static byte[] hash256(byte[]... parts) {
        return hash(256, parts);
    }

    private static byte[] hash(int bits, byte[][] parts) {
        Blake2bDigest digest = new Blake2bDigest(bits);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[bits / 8];
        digest.doFinal(out, 0);
        return out;
    }
}
