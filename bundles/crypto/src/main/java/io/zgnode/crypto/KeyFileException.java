package io.zgnode.crypto;

import java.security.GeneralSecurityException;

/** A key file that cannot be decrypted: wrong password, corrupt or unsupported file. */
public final class KeyFileException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
