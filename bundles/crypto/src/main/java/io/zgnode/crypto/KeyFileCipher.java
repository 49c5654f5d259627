package io.zgnode.crypto;

import io.zgnode.crypto.internal.Scrypt;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.modes.CTRModeCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/** The v3 key file scheme behind {@link KeyFile}: kdf, AES-128-CTR and the Keccak MAC. */
final class KeyFileCipher {
    private static final String CIPHER = "aes-128-ctr";
    private static final int DERIVED_KEY_LENGTH = 32;
    private static final int MAX_DERIVED_KEY_LENGTH = 64;
    private static final int IV_LENGTH = 16;
    private static final int SALT_LENGTH = 32;
    private static final long MAX_SCRYPT_N_TIMES_R = 1L << 21;
    private static final long MAX_SCRYPT_N_TIMES_R_TIMES_P = 1L << 23;
    private static final int MAX_PBKDF2_ROUNDS = 10_000_000;

    private KeyFileCipher() {
    }

    static KeyFile encrypt(PrivateKey key, String password, KeyFile.ScryptCost cost, SecureRandom random) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(cost, "cost");
        byte[] salt = randomBytes(random, SALT_LENGTH);
        byte[] iv = randomBytes(random, IV_LENGTH);
        byte[] derivedKey = Scrypt.derive(utf8(password), salt, cost.n(), cost.r(), cost.p(), DERIVED_KEY_LENGTH);
        byte[] ciphertext = aes128Ctr(derivedKey, iv, key.bytes());
        KeyFile.Crypto crypto = new KeyFile.Crypto(
                CIPHER,
                hex(ciphertext),
                new KeyFile.CipherParams(hex(iv)),
                "scrypt",
                KeyFile.KdfParams.scrypt(cost.n(), cost.r(), cost.p(), DERIVED_KEY_LENGTH, hex(salt)),
                hex(mac(derivedKey, ciphertext)));
        return new KeyFile(hex(key.address()), crypto, randomUuid(random).toString(), 3);
    }

    static PrivateKey decrypt(KeyFile file, String password) throws KeyFileException {
        Objects.requireNonNull(password, "password");
        if (file.version() != 3) {
            throw new KeyFileException("unsupported key file version " + file.version() + " (only 3 is supported)");
        }
        KeyFile.Crypto crypto = required(file.crypto(), "crypto");
        if (!CIPHER.equals(crypto.cipher())) {
            throw new KeyFileException("unsupported cipher \"" + crypto.cipher() + "\" (only " + CIPHER + " is supported)");
        }
        byte[] ciphertext = unhex(crypto.ciphertext(), "crypto.ciphertext");
        byte[] iv = unhex(required(crypto.cipherparams(), "crypto.cipherparams").iv(), "crypto.cipherparams.iv");
        if (iv.length != IV_LENGTH) {
            throw new KeyFileException("corrupt key file: iv must be " + IV_LENGTH + " bytes, got " + iv.length);
        }
        byte[] expectedMac = unhex(crypto.mac(), "crypto.mac");
        byte[] derivedKey = deriveKey(crypto.kdf(), required(crypto.kdfparams(), "crypto.kdfparams"), utf8(password));
        if (!MessageDigest.isEqual(mac(derivedKey, ciphertext), expectedMac)) {
            throw new KeyFileException("wrong password or corrupt key file");
        }
        PrivateKey key;
        try {
            key = PrivateKey.of(aes128Ctr(derivedKey, iv, ciphertext));
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("corrupt key file: the decrypted key is not a secp256k1 private key", e);
        }
        if (file.address() != null && !hex(key.address()).equals(withoutPrefix(file.address()).toLowerCase(Locale.ROOT))) {
            throw new KeyFileException("corrupt key file: its key belongs to " + Hex.encode(key.address())
                    + ", not to the address 0x" + withoutPrefix(file.address()) + " the file names");
        }
        return key;
    }

    private static byte[] deriveKey(String kdf, KeyFile.KdfParams params, byte[] password) throws KeyFileException {
        int dklen = required(params.dklen(), "crypto.kdfparams.dklen");
        if (dklen < DERIVED_KEY_LENGTH || dklen > MAX_DERIVED_KEY_LENGTH) {
            throw new KeyFileException("unsupported crypto.kdfparams.dklen " + dklen + " (32 to 64 supported)");
        }
        byte[] salt = unhex(params.salt(), "crypto.kdfparams.salt");
        if ("scrypt".equals(kdf)) {
            return scrypt(params, password, salt, dklen);
        }
        if ("pbkdf2".equals(kdf)) {
            return pbkdf2(params, password, salt, dklen);
        }
        throw new KeyFileException("unsupported kdf \"" + kdf + "\" (scrypt and pbkdf2 are supported)");
    }

    private static byte[] scrypt(KeyFile.KdfParams params, byte[] password, byte[] salt, int dklen)
            throws KeyFileException {
        int n = required(params.n(), "crypto.kdfparams.n");
        int r = required(params.r(), "crypto.kdfparams.r");
        int p = required(params.p(), "crypto.kdfparams.p");
        if ((long) n * r > MAX_SCRYPT_N_TIMES_R || (long) n * r * p > MAX_SCRYPT_N_TIMES_R_TIMES_P) {
            throw new KeyFileException("scrypt parameters n=" + n + " r=" + r + " p=" + p
                    + " exceed the supported cost (n*r <= 2^21, n*r*p <= 2^23)");
        }
        try {
            return Scrypt.derive(password, salt, n, r, p, dklen);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("corrupt key file: " + e.getMessage(), e);
        }
    }

    private static byte[] pbkdf2(KeyFile.KdfParams params, byte[] password, byte[] salt, int dklen)
            throws KeyFileException {
        if (!"hmac-sha256".equals(params.prf())) {
            throw new KeyFileException("unsupported pbkdf2 prf \"" + params.prf() + "\" (only hmac-sha256 is supported)");
        }
        int c = required(params.c(), "crypto.kdfparams.c");
        if (c < 1 || c > MAX_PBKDF2_ROUNDS) {
            throw new KeyFileException("pbkdf2 round count " + c + " is outside 1 to " + MAX_PBKDF2_ROUNDS);
        }
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(password, salt, c);
        return ((KeyParameter) generator.generateDerivedParameters(dklen * 8)).getKey();
    }

    /** keccak256(derivedKey[16..32] || ciphertext), as the specification defines the MAC. */
    private static byte[] mac(byte[] derivedKey, byte[] ciphertext) {
        return new Keccak256.Hasher().update(derivedKey, 16, 16).update(ciphertext).digest();
    }

    /** AES-128 in counter mode with the first 16 bytes of the derived key; encrypts and decrypts alike. */
    private static byte[] aes128Ctr(byte[] derivedKey, byte[] iv, byte[] input) {
        CTRModeCipher ctr = SICBlockCipher.newInstance(AESEngine.newInstance());
        ctr.init(true, new ParametersWithIV(new KeyParameter(derivedKey, 0, 16), iv));
        byte[] output = new byte[input.length];
        ctr.processBytes(input, 0, input.length, output, 0);
        return output;
    }

    private static UUID randomUuid(SecureRandom random) {
        ByteBuffer bytes = ByteBuffer.wrap(randomBytes(random, 16));
        long high = (bytes.getLong() & ~0xF000L) | 0x4000L; // version 4: random
        long low = (bytes.getLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(high, low);
    }

    private static byte[] randomBytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static <T> T required(T value, String field) throws KeyFileException {
        if (value == null) {
            throw new KeyFileException("corrupt key file: " + field + " is missing");
        }
        return value;
    }

    private static byte[] unhex(String hex, String field) throws KeyFileException {
        try {
            return Hex.decode(required(hex, field));
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("corrupt key file: " + field + " is not hex: " + e.getMessage(), e);
        }
    }

    private static String hex(byte[] bytes) {
        return withoutPrefix(Hex.encode(bytes));
    }

    private static String withoutPrefix(String hex) {
        return hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
