package io.zgnode.net.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.crypto.Ed25519;

class NodeKeyTest {

    @TempDir
    Path dir;

    @Test
    void aKeyIsCreatedOnceOwnerOnlyAndReadBack() throws Exception {
        Path file = dir.resolve("sub/node-key.json");
        Ed25519.KeyPair key = NodeKey.loadOrCreate(file, new SecureRandom());
        String json = Files.readString(file);
        assertThat(json).matches("\\{\"type\":\"ed25519\",\"publicKey\":\"0x[0-9a-f]{64}\",\"privateKey\":\"0x[0-9a-f]{64}\"}\\n");
        assertThat(json).contains(HexFormat.of().formatHex(key.publicKey().bytes()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.list(file.getParent())).containsExactly(file);
        assertThat(NodeKey.loadOrCreate(file, new SecureRandom())).isEqualTo(key);
    }

    @Test
    void badKeyFilesAreRefusedWithOneLine() throws Exception {
        Path file = dir.resolve("k.json");
        Files.writeString(file, "hello");
        assertThatThrownBy(() -> NodeKey.loadOrCreate(file, new SecureRandom())).isInstanceOf(NodeKey.KeyFileException.class)
                .hasMessageContaining("is not a key file");
        Files.writeString(file, "{\"type\":\"secp256k1\",\"privateKey\":\"0x" + "11".repeat(32) + "\"}");
        assertThatThrownBy(() -> NodeKey.loadOrCreate(file, new SecureRandom())).hasMessageContaining("type secp256k1, not ed25519");
        Files.writeString(file, "{\"type\":\"ed25519\",\"privateKey\":\"0x1234\"}");
        assertThatThrownBy(() -> NodeKey.loadOrCreate(file, new SecureRandom())).hasMessageContaining("privateKey is not 32 bytes");
        Files.writeString(file, "{\"type\":\"ed25519\",\"publicKey\":\"0x" + "22".repeat(32) + "\",\"privateKey\":\"0x" + "11".repeat(32) + "\"}");
        assertThatThrownBy(() -> NodeKey.loadOrCreate(file, new SecureRandom())).hasMessageContaining("publicKey does not belong to privateKey");
        // without publicKey the seed is enough
        Files.writeString(file, "{ \"type\": \"ed25519\", \"privateKey\": \"" + "11".repeat(32) + "\" }");
        assertThat(NodeKey.loadOrCreate(file, new SecureRandom()).seed()).containsOnly(0x11);
    }
}
