package io.zgnode.runtime.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Exceptions turned into the one line a user reads. */
public final class Errors {

    private static final int MAX_LENGTH = 500;

    private Errors() {
    }

    /** An I/O failure in words: "no such file /a/b", "permission denied /a/b", or its message. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String what = e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : e instanceof NotDirectoryException ? "not a directory"
                    : e instanceof DirectoryNotEmptyException ? "directory not empty"
                    : fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
            return fs.getFile() + ": " + what;
        }
        return oneLine(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
    }

    /** Line breaks folded into spaces, and at most a few hundred characters: error lines stay one line. */
    public static String oneLine(String text) {
        String head = text.length() <= 2 * MAX_LENGTH ? text : text.substring(0, 2 * MAX_LENGTH);
        String line = head.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return line.length() <= MAX_LENGTH && head.length() == text.length() ? line
                : line.substring(0, Math.min(line.length(), MAX_LENGTH)) + "...";
    }
}
