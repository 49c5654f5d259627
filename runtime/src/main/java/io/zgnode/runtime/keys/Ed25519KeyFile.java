package io.zgnode.runtime.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zgnode.crypto.Ed25519;
import io.zgnode.crypto.Hex;
import io.zgnode.runtime.cli.Json;

/**
 * Ed25519 key files as the network (node identity) and the BFT engine (validator key) read them:
 * {@code {"type":"ed25519","publicKey":"0x..","privateKey":"0x.."}}, not encrypted (as CometBFT's
 * validator keys), so readable by its owner only (0600).
 */
public final class Ed25519KeyFile {

    private Ed25519KeyFile() {
    }

    /** Creates a key file (unless it exists) and returns its public key. */
    public static byte[] create(Path file, SecureRandom random) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        Ed25519.KeyPair pair = Ed25519.generate(random);
        Map<String, String> json = new LinkedHashMap<>();
        json.put("type", "ed25519");
        json.put("publicKey", Hex.encode(pair.publicKey().bytes()));
        json.put("privateKey", Hex.encode(pair.seed()));
        writeOwnerOnly(file, json);
        return pair.publicKey().bytes();
    }

    /** The public key in a key file. */
    public static byte[] read(Path file) throws IOException {
        return Hex.decode(Json.MAPPER.readTree(file.toFile()).get("publicKey").asText());
    }

    /** Writes a plain key file readable by its owner only (0600), atomically. */
    static void writeOwnerOnly(Path file, Map<String, String> json) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on file systems without permissions
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
