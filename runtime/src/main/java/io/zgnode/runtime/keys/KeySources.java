package io.zgnode.runtime.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;

import io.zgnode.crypto.Bip32;
import io.zgnode.crypto.Hex;
import io.zgnode.crypto.Mnemonic;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.runtime.UserError;
import io.zgnode.runtime.cli.Addresses;
import io.zgnode.runtime.cli.Errors;
import io.zgnode.runtime.cli.KeyFiles;
import io.zgnode.runtime.cli.PasswordOption;

/** Where the keys commands get their keys: random, a raw key file, a mnemonic, a key file. */
final class KeySources {

    /** BIP-44's Ethereum accounts: m/44'/60'/0'/0/N. */
    static final String ACCOUNT_PATH_PREFIX = "m/44'/60'/0'/0/";

    private static final Set<Integer> MNEMONIC_LENGTHS = Set.of(12, 15, 18, 21, 24);
    private static final long MAX_FILE_BYTES = 64 * 1024;

    private KeySources() {
    }

    /** What {@code keys show} prints. */
    record Shown(String address, String privateKey) {
    }

    static PrivateKey random() {
        return PrivateKey.random(new SecureRandom());
    }

    static Shown show(Path file, PasswordOption password) {
        PrivateKey key = KeyFiles.load(file, password);
        return new Shown(Addresses.toChecksumAddress(key.address()), Hex.encode(key.bytes()));
    }

    /** The key in the first line of {@code file}: 64 hex digits, with or without 0x. */
    static PrivateKey fromPrivateKeyFile(Path file) {
        String text = readText(file, "private key file");
        String line = text.lines().findFirst().orElse("").strip();
        String digits = line.startsWith("0x") || line.startsWith("0X") ? line.substring(2) : line;
        if (digits.length() != 2 * PrivateKey.LENGTH || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new UserError("private key file " + file + " does not hold a private key (its first line must be 64 hex digits, with or without 0x)");
        }
        try {
            return PrivateKey.of(Hex.decode(digits));
        } catch (IllegalArgumentException e) {
            throw new UserError("private key file " + file + ": " + e.getMessage());
        }
    }

    /** The key at {@code path} of the BIP-39 mnemonic in {@code file} (its words, however spaced or broken into lines). */
    static PrivateKey fromMnemonicFile(Path file, String path) {
        String[] words = readText(file, "mnemonic file").strip().split("\\s+");
        if (words.length == 1 && words[0].isEmpty()) {
            throw new UserError("mnemonic file " + file + " is empty");
        }
        if (!MNEMONIC_LENGTHS.contains(words.length)) {
            throw new UserError("mnemonic file " + file + " holds " + words.length + " words; a BIP-39 mnemonic has 12, 15, 18, 21 or 24");
        }
        byte[] seed = Mnemonic.toSeed(String.join(" ", words), "");
        try {
            return Bip32.derive(seed, path);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** m/44'/60'/0'/0/N, for N from 0 to 2^31 - 1. */
    static String accountPath(long index) {
        if (index < 0 || index >= 1L << 31) {
            throw new UserError("--index " + index + " is not an account index (0 to 2147483647)");
        }
        return ACCOUNT_PATH_PREFIX + index;
    }

    private static String readText(Path file, String what) {
        try {
            if (Files.isDirectory(file)) {
                throw new UserError(what + " " + file + " is a directory");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new UserError(what + " " + file + " is too large");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new UserError(what + " " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UserError("cannot read " + what + " " + Errors.describe(e));
        }
    }
}
