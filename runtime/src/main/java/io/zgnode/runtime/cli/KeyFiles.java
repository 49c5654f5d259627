package io.zgnode.runtime.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.zgnode.crypto.KeyFile;
import io.zgnode.crypto.KeyFileException;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.runtime.UserError;

/**
 * Ethereum v3 key files on disk: read and decrypt one ({@link #load}, what every command with
 * {@code --key KEYFILE} uses), write one as geth does (compact JSON, mode 0600, atomically, never
 * over an existing file unless asked).
 */
public final class KeyFiles {

    /** Largest file read as a key file: real ones are under 1 KiB. */
    private static final long MAX_BYTES = 1024 * 1024;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyFiles() {
    }

    /**
     * The private key in {@code file}, decrypted with the password from {@code passwordOption}
     * (or the environment, or a prompt: see {@link Passwords}).
     *
     * @throws UserError when the file cannot be read or is not a key file, there is no password,
     *     or the password is wrong ("wrong password or corrupt key file FILE")
     */
    public static PrivateKey load(Path file, PasswordOption passwordOption) {
        KeyFile keyFile = read(file);
        String password = Passwords.current().existing(passwordOption, file.toString());
        return decrypt(keyFile, password, file);
    }

    /** {@code keyFile} decrypted with {@code password}; errors name {@code file}. */
    public static PrivateKey decrypt(KeyFile keyFile, String password, Path file) {
        try {
            return keyFile.decrypt(password);
        } catch (KeyFileException e) {
            String message = e.getMessage();
            throw new UserError(message.startsWith("wrong password") ? message + " " + file : "key file " + file + ": " + message);
        }
    }

    /** The key file record in {@code file}, not yet decrypted. */
    public static KeyFile read(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new UserError("key file " + file + " is a directory");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new UserError(file + " is too large to be a key file");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError("cannot read key file " + Errors.describe(e));
        }
        try {
            KeyFile keyFile = Json.KEY_FILES.readValue(bytes, KeyFile.class);
            if (keyFile == null) {
                throw new UserError(file + " is not a key file (it holds JSON null)");
            }
            return keyFile;
        } catch (JsonProcessingException e) {
            throw new UserError(file + " is not a key file: " + Errors.oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UserError("cannot read key file " + Errors.describe(e));
        }
    }

    /**
     * Fails, before any costly work, when {@code file} exists and {@code force} is false, or is a directory.
     *
     * @return the file's absolute path
     */
    public static Path checkWritable(Path file, boolean force) {
        return AtomicFiles.checkWritable(file, force);
    }

    /**
     * Writes {@code keyFile} to {@code file} as compact JSON with mode 0600, atomically: a reader
     * sees no file or the whole file, never part of one. Missing parent directories are created.
     *
     * @param force replace an existing file; without it an existing file is an error
     * @return the file's absolute path
     */
    public static Path write(Path file, KeyFile keyFile, boolean force) {
        Path target = checkWritable(file, force);
        Path directory = target.getParent();
        Path temporary = null;
        try {
            byte[] json = Json.KEY_FILES.writeValueAsBytes(keyFile);
            Files.createDirectories(directory);
            temporary = createOwnerOnly(directory, "." + target.getFileName() + ".");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(json);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            AtomicFiles.publish(temporary, target, force);
            temporary = null;
            return target;
        } catch (FileAlreadyExistsException e) {
            throw new UserError(target + " exists; give --force to overwrite it");
        } catch (IOException e) {
            throw new UserError("cannot write key file " + Errors.describe(e));
        } finally {
            AtomicFiles.deleteQuietly(temporary);
        }
    }

    /** A new empty file in {@code directory} that only its owner can read (where the file system has POSIX modes). */
    private static Path createOwnerOnly(Path directory, String prefix) throws IOException {
        try {
            FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            return Files.createTempFile(directory, prefix, ".tmp", mode);
        } catch (UnsupportedOperationException noPosixModes) {
            return Files.createTempFile(directory, prefix, ".tmp");
        }
    }
}
