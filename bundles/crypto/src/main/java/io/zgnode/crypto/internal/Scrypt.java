package io.zgnode.crypto.internal;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Pack;

/**
 * scrypt (RFC 7914) on BouncyCastle's PBKDF2 and Salsa20 core. Written out because
 * BouncyCastle's {@code SCrypt} enforces RFC 7914's N < 2^(16 r), which Ethereum key files break:
 * the Web3 Secret Storage test vector and pyethereum-era files use n = 2^18 with r = 1, and
 * geth reads them. The caller bounds the cost; this class checks only the shape of the parameters.
 */
public final class Scrypt {
    private static final int SALSA_ROUNDS = 8;

    private Scrypt() {
    }

    /**
     * @param n a power of two greater than 1
     * @param r at least 1
     * @param p at least 1
     */
    public static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int dkLen) {
        if (n < 2 || Integer.bitCount(n) != 1 || r < 1 || p < 1 || (long) 128 * r * p > Integer.MAX_VALUE
                || (long) 32 * r * n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("invalid scrypt parameters n=" + n + " r=" + r + " p=" + p);
        }
        byte[] blocks = pbkdf2Sha256(password, salt, p * 128 * r);
        int[] block = new int[32 * r];
        int[] table = new int[32 * r * n];
        for (int i = 0; i < p; i++) {
            Pack.littleEndianToInt(blocks, i * 128 * r, block);
            roMix(block, table, n, r);
            Pack.intToLittleEndian(block, blocks, i * 128 * r);
        }
        return pbkdf2Sha256(password, blocks, dkLen);
    }

    /** RFC 7914 section 5: fill the table with successive BlockMix outputs, then read it back in a data-dependent order. */
    private static void roMix(int[] x, int[] table, int n, int r) {
        int words = x.length;
        int[] mixed = new int[words];
        int[] chain = new int[16];
        int[] salsaInput = new int[16];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 0, table, i * words, words);
            blockMix(x, mixed, chain, salsaInput, r);
        }
        for (int i = 0; i < n; i++) {
            // integerify: the first word of the last 64-byte block, reduced modulo n (a power of two)
            int offset = (x[words - 16] & (n - 1)) * words;
            for (int k = 0; k < words; k++) {
                x[k] ^= table[offset + k];
            }
            blockMix(x, mixed, chain, salsaInput, r);
        }
    }

    /**
     * RFC 7914 section 4: chain Salsa20/8 over the 2r 64-byte blocks of {@code b}, storing the
     * even-numbered outputs first and the odd-numbered ones after them.
     */
    private static void blockMix(int[] b, int[] mixed, int[] chain, int[] salsaInput, int r) {
        System.arraycopy(b, b.length - 16, chain, 0, 16);
        for (int i = 0; i < 2 * r; i++) {
            for (int k = 0; k < 16; k++) {
                salsaInput[k] = chain[k] ^ b[16 * i + k];
            }
            Salsa20Engine.salsaCore(SALSA_ROUNDS, salsaInput, chain);
            System.arraycopy(chain, 0, mixed, 16 * (i / 2 + (i % 2) * r), 16);
        }
        System.arraycopy(mixed, 0, b, 0, b.length);
    }

    private static byte[] pbkdf2Sha256(byte[] password, byte[] salt, int length) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(password, salt, 1);
        return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
    }
}
