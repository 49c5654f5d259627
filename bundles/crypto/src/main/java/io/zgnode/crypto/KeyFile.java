package io.zgnode.crypto;

import java.security.SecureRandom;

/**
 * An Ethereum v3 key file (Web3 Secret Storage Definition): a private key encrypted with a
 * password, as geth, Clef, ethers and MetaMask exports write it. The records mirror the JSON
 * field for field, so a JSON library maps them directly, e.g. Jackson with
 * {@code JsonInclude.Include.NON_NULL} (the scrypt and pbkdf2 parameters share one record, and
 * each kdf leaves the other's fields null) and unknown properties ignored (some tools add their own).
 *
 * <p>{@link #encrypt} writes scrypt + aes-128-ctr files; {@link #decrypt} also reads pbkdf2
 * (hmac-sha256) files. The password is used as its UTF-8 bytes, without normalization, as geth does.
 *
 * @param address the account's address in hex without 0x; optional
 * @param id a UUID naming the file
 * @param version always 3
 */
public record KeyFile(String address, Crypto crypto, String id, int version) {

    /** The scrypt cost of a new key file, with geth's names and values. */
    public enum ScryptCost {
        /** n = 2^18, r = 8, p = 1: 256 MiB and about a second; for keys at rest. */
        STANDARD(1 << 18, 8, 1),
        /** n = 2^12, r = 8, p = 6: 4 MiB and a few milliseconds; for tests and throwaway keys. */
        LIGHT(1 << 12, 8, 6);

        private final int n;
        private final int r;
        private final int p;

        ScryptCost(int n, int r, int p) {
            this.n = n;
            this.r = r;
            this.p = p;
        }

        public int n() {
            return n;
        }

        public int r() {
            return r;
        }

        public int p() {
            return p;
        }
    }

    /** The "crypto" object: cipher and kdf with their parameters, the encrypted key and its MAC. */
    public record Crypto(
            String cipher, String ciphertext, CipherParams cipherparams, String kdf, KdfParams kdfparams, String mac) {
    }

    /** The "cipherparams" object: the AES-CTR initial counter, in hex. */
    public record CipherParams(String iv) {
    }

    /**
     * The "kdfparams" object: {@code dklen, n, p, r, salt} for scrypt, {@code c, dklen, prf, salt}
     * for pbkdf2; the other kdf's fields are null. Components are in alphabetical order, which is
     * the order of both kinds in the specification's examples.
     */
    public record KdfParams(Integer c, Integer dklen, Integer n, Integer p, String prf, Integer r, String salt) {
        public static KdfParams scrypt(int n, int r, int p, int dklen, String salt) {
            return new KdfParams(null, dklen, n, p, null, r, salt);
        }

        public static KdfParams pbkdf2(int c, int dklen, String prf, String salt) {
            return new KdfParams(c, dklen, null, null, prf, null, salt);
        }
    }

    /** Encrypts {@code key} with scrypt at {@link ScryptCost#STANDARD}. */
    public static KeyFile encrypt(PrivateKey key, String password, SecureRandom random) {
        return encrypt(key, password, ScryptCost.STANDARD, random);
    }

    /** Encrypts {@code key} with scrypt at the given cost; salt, IV and id come from {@code random}. */
    public static KeyFile encrypt(PrivateKey key, String password, ScryptCost cost, SecureRandom random) {
        return KeyFileCipher.encrypt(key, password, cost, random);
    }

    /**
     * The private key in this file. The MAC is checked before anything is decrypted; the key's
     * address is checked against {@link #address()} when the file has one.
     *
     * @throws KeyFileException "wrong password or corrupt key file" when the MAC does not match,
     *     or a message naming what is missing, malformed or unsupported, including kdf parameters
     *     too costly to honour (a hostile file could ask for gigabytes or hours): scrypt is
     *     limited to 256 MiB (n * r <= 2^21) and n * r * p <= 2^23, pbkdf2 to 10^7 rounds
     */
    public PrivateKey decrypt(String password) throws KeyFileException {
        return KeyFileCipher.decrypt(this, password);
    }
}
