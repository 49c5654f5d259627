package io.zgnode.runtime.keys;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.zgnode.crypto.KeyFile;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.runtime.cli.Addresses;
import io.zgnode.runtime.cli.KeyFiles;
import io.zgnode.runtime.cli.Output;
import io.zgnode.runtime.cli.Passwords;

/** What {@code keys new} and {@code keys import} share: encrypt, write, report. */
final class KeyFileWriter {

    private KeyFileWriter() {
    }

    /** {@code keys new}: a random key. */
    static void createRandom(Output output, NewKeyFileOptions options) {
        write(output, options, KeySources::random, Map.of());
    }

    /** {@code keys import --private-key-file FILE}. */
    static void importPrivateKey(Output output, NewKeyFileOptions options, Path privateKeyFile) {
        write(output, options, () -> KeySources.fromPrivateKeyFile(privateKeyFile), Map.of());
    }

    /** {@code keys import --mnemonic-file FILE --index N}: the account m/44'/60'/0'/0/N. */
    static void importMnemonic(Output output, NewKeyFileOptions options, Path mnemonicFile, long index) {
        String path = KeySources.accountPath(index);
        write(output, options, () -> KeySources.fromMnemonicFile(mnemonicFile, path), Map.of("derivationPath", path));
    }

    /**
     * Checks the target first (an existing file is refused before anything else happens), then
     * gets the key, asks for the password, encrypts and writes, and prints the address and file.
     *
     * @param extra more JSON fields, after "address" and "file"
     */
    private static void write(Output output, NewKeyFileOptions options, Supplier<PrivateKey> keySource, Map<String, Object> extra) {
        Path target = KeyFiles.checkWritable(options.out, options.force);
        PrivateKey key = keySource.get();
        String password = Passwords.current().forNew(options.password, target.toString());
        KeyFile.ScryptCost cost = options.light ? KeyFile.ScryptCost.LIGHT : KeyFile.ScryptCost.STANDARD;
        KeyFile keyFile = KeyFile.encrypt(key, password, cost, new SecureRandom());
        Path written = KeyFiles.write(target, keyFile, options.force);
        String address = Addresses.toChecksumAddress(key.address());
        output.line("Address:  %s", address);
        output.line("Key file: %s", written);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", address);
        json.put("file", written.toString());
        json.putAll(extra);
        output.json(json);
    }
}
