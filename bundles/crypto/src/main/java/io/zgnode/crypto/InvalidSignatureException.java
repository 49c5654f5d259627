package io.zgnode.crypto;

import java.security.GeneralSecurityException;

/** A signature that is well-formed but cannot have been made by any key for the given hash. */
public final class InvalidSignatureException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    public InvalidSignatureException(String message) {
        super(message);
    }
}
