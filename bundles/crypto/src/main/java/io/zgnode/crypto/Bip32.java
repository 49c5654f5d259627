package io.zgnode.crypto;

import io.zgnode.crypto.internal.Secp256k1Curve;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.BigIntegers;

/**
 * BIP-32 hierarchical deterministic derivation of secp256k1 private keys, for paths such as
 * BIP-44's Ethereum accounts {@code m/44'/60'/0'/0/i}.
 */
public final class Bip32 {
    private static final byte[] MASTER_KEY = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);
    private static final int HARDENED = 0x8000_0000;
    private static final long HARDENED_LIMIT = 1L << 31;

    private Bip32() {
    }

    /**
     * The private key at {@code path} below the master key of {@code seed}.
     *
     * @param seed 16 to 64 bytes, usually {@link Mnemonic#toSeed}
     * @param path "m" followed by "/index" steps, an index marked hardened with ' or h, e.g. "m/44'/60'/0'/0/0"
     * @throws IllegalArgumentException for a bad path or seed length, or in the ~2^-127 case that
     *     BIP-32 declares a key on the path invalid
     */
    public static PrivateKey derive(byte[] seed, String path) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length < 16 || seed.length > 64) {
            throw new IllegalArgumentException("seed must be 16 to 64 bytes, got " + seed.length);
        }
        int[] indexes = parsePath(path);
        byte[] master = hmacSha512(MASTER_KEY, seed);
        BigInteger key = requireValidKey(new BigInteger(1, Arrays.copyOfRange(master, 0, 32)), path);
        byte[] chainCode = Arrays.copyOfRange(master, 32, 64);
        for (int index : indexes) {
            byte[] data = new byte[37];
            if ((index & HARDENED) != 0) {
                // data[0] stays 0x00: the private key is prefixed by a zero byte
                BigIntegers.asUnsignedByteArray(key, data, 1, 32);
            } else {
                System.arraycopy(Secp256k1Curve.multiplyG(key).getEncoded(true), 0, data, 0, 33);
            }
            data[33] = (byte) (index >>> 24);
            data[34] = (byte) (index >>> 16);
            data[35] = (byte) (index >>> 8);
            data[36] = (byte) index;
            byte[] i = hmacSha512(chainCode, data);
            BigInteger tweak = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
            if (tweak.compareTo(Secp256k1Curve.N) >= 0) {
                throw invalidKeyOnPath(path);
            }
            key = requireValidKey(tweak.add(key).mod(Secp256k1Curve.N), path);
            chainCode = Arrays.copyOfRange(i, 32, 64);
        }
        return PrivateKey.of(BigIntegers.asUnsignedByteArray(PrivateKey.LENGTH, key));
    }

    private static int[] parsePath(String path) {
        Objects.requireNonNull(path, "path");
        String[] steps = path.split("/", -1);
        if (!steps[0].equals("m")) {
            throw new IllegalArgumentException("derivation path must start with \"m\": \"" + path + "\"");
        }
        int[] indexes = new int[steps.length - 1];
        for (int i = 1; i < steps.length; i++) {
            indexes[i - 1] = parseIndex(steps[i], path);
        }
        return indexes;
    }

    private static int parseIndex(String step, String path) {
        boolean hardened = step.endsWith("'") || step.endsWith("h") || step.endsWith("H");
        String digits = hardened ? step.substring(0, step.length() - 1) : step;
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("bad step \"" + step + "\" in derivation path \"" + path + "\"");
        }
        long index = Long.parseLong(digits);
        if (index >= HARDENED_LIMIT) {
            throw new IllegalArgumentException(
                    "index " + index + " in derivation path \"" + path + "\" is not below 2^31");
        }
        return (int) (hardened ? index | HARDENED : index);
    }

    private static BigInteger requireValidKey(BigInteger key, String path) {
        if (!Secp256k1Curve.isInScalarRange(key)) {
            throw invalidKeyOnPath(path);
        }
        return key;
    }

    private static IllegalArgumentException invalidKeyOnPath(String path) {
        return new IllegalArgumentException(
                "path \"" + path + "\" passes through a key BIP-32 declares invalid; use another index");
    }

    private static byte[] hmacSha512(byte[] key, byte[] data) {
        HMac hmac = new HMac(new SHA512Digest());
        hmac.init(new KeyParameter(key));
        hmac.update(data, 0, data.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }
}
