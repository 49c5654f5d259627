package io.zgnode.consensus.bft;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zgnode.consensus.bft.core.ValidatorKey;
import io.zgnode.crypto.Ed25519;
import io.zgnode.crypto.Hex;

/**
 * A validator key file: {@code {"type":"ed25519","publicKey":"0x...","privateKey":"0x..."}}, the
 * private key being the 32-byte Ed25519 seed. It must not be readable by anyone but its owner
 * (mode 0600 where the file system has POSIX permissions): a copied validator key can make its
 * owner equivocate and be slashed.
 */
final class ValidatorKeyFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ValidatorKeyFile() {
    }

    /** @throws IOException with one line saying what is wrong with the file */
    static ValidatorKey read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("validator key file " + file + " does not exist");
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            for (PosixFilePermission permission : permissions) {
                if (permission.name().startsWith("GROUP_") || permission.name().startsWith("OTHERS_")) {
                    throw new IOException("validator key file " + file + " is accessible by others (" + PosixFilePermissions.toString(permissions)
                            + "): chmod 600 " + file);
                }
            }
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("validator key file " + file + " is not JSON");
        }
        if (root == null || !root.isObject() || !"ed25519".equals(root.path("type").asText())) {
            throw new IOException("validator key file " + file + " must be {\"type\":\"ed25519\",\"publicKey\":...,\"privateKey\":...}");
        }
        byte[] seed;
        try {
            seed = Hex.decode(root.path("privateKey").asText());
        } catch (IllegalArgumentException e) {
            throw new IOException("validator key file " + file + ": privateKey: " + e.getMessage());
        }
        if (seed.length != Ed25519.KEY_LENGTH) {
            throw new IOException("validator key file " + file + ": privateKey must be 32 bytes");
        }
        Ed25519.KeyPair pair = Ed25519.fromSeed(seed);
        Arrays.fill(seed, (byte) 0);
        if (root.hasNonNull("publicKey")) {
            byte[] declared;
            try {
                declared = Hex.decode(root.path("publicKey").asText());
            } catch (IllegalArgumentException e) {
                throw new IOException("validator key file " + file + ": publicKey: " + e.getMessage());
            }
            if (!Arrays.equals(declared, pair.publicKey().bytes())) {
                throw new IOException("validator key file " + file + ": publicKey does not belong to privateKey");
            }
        }
        return ValidatorKey.of(pair);
    }

    /** Writes a key file readable by its owner only. */
    static void write(Path file, Ed25519.KeyPair pair) throws IOException {
        Map<String, String> content = new LinkedHashMap<>();
        content.put("type", "ed25519");
        content.put("publicKey", Hex.encode(pair.publicKey().bytes()));
        content.put("privateKey", Hex.encode(pair.seed()));
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(content);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(file, json);
    }
}
