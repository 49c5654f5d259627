package io.zgnode.net.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.channels.FileChannel;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zgnode.crypto.Ed25519;

/**
 * The node's identity key in its key file:
 * {@code {"type":"ed25519","publicKey":"0x..","privateKey":"0x.."}} (the private key is RFC 8032's
 * 32-byte seed), created on first start with mode 0600 and written atomically (a temporary file
 * in the same directory, synced, then renamed over).
 */
public final class NodeKey {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private NodeKey() {
    }

    /** What went wrong with the key file, in one line. */
    public static final class KeyFileException extends IOException {
        private static final long serialVersionUID = 1L;

        KeyFileException(String message) {
            super(message, null);
        }
    }

    /** The key in {@code file}; a new one, saved there, if the file does not exist. */
    public static Ed25519.KeyPair loadOrCreate(Path file, SecureRandom random) throws KeyFileException {
        try {
            return load(file);
        } catch (NoSuchFileException e) {
            Ed25519.KeyPair key = Ed25519.generate(random);
            save(file, key);
            return key;
        }
    }

    static Ed25519.KeyPair load(Path file) throws KeyFileException, NoSuchFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new KeyFileException("cannot read node key file " + file + ": " + e.getMessage());
        }
        String type = null;
        String publicKey = null;
        String privateKey = null;
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            switch (m.group(1)) {
                case "type" -> type = m.group(2);
                case "publicKey" -> publicKey = m.group(2);
                case "privateKey" -> privateKey = m.group(2);
                default -> {
                }
            }
        }
        if (!text.strip().startsWith("{") || privateKey == null) {
            throw new KeyFileException("node key file " + file + " is not a key file (expected "
                    + "{\"type\":\"ed25519\",\"publicKey\":\"0x..\",\"privateKey\":\"0x..\"})");
        }
        if (type != null && !type.equalsIgnoreCase("ed25519")) {
            throw new KeyFileException("node key file " + file + " holds a key of type " + type + ", not ed25519");
        }
        Ed25519.KeyPair key;
        try {
            key = Ed25519.fromSeed(hex(privateKey));
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("node key file " + file + ": privateKey is not 32 bytes of hex");
        }
        if (publicKey != null) {
            byte[] stated;
            try {
                stated = hex(publicKey);
            } catch (IllegalArgumentException e) {
                throw new KeyFileException("node key file " + file + ": publicKey is not hex");
            }
            if (!java.util.Arrays.equals(stated, key.publicKey().bytes())) {
                throw new KeyFileException("node key file " + file + ": publicKey does not belong to privateKey");
            }
        }
        return key;
    }

    static void save(Path file, Ed25519.KeyPair key) throws KeyFileException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        String json = "{\"type\":\"ed25519\",\"publicKey\":\"0x" + HexFormat.of().formatHex(key.publicKey().bytes())
                + "\",\"privateKey\":\"0x" + HexFormat.of().formatHex(key.seed()) + "\"}\n";
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = dir.resolve("." + absolute.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
            if (posix) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temp);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileException("cannot write node key file " + file + ": " + e.getFile() + " exists");
        } catch (IOException e) {
            throw new KeyFileException("cannot write node key file " + file + ": " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    private static byte[] hex(String text) {
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        return HexFormat.of().parseHex(digits);
    }
}
