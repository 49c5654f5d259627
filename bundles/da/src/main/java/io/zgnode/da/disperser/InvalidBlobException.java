package io.zgnode.da.disperser;

/** A blob the disperser refuses to take (empty, too large, no quorum to send it to); nothing was started. */
public class InvalidBlobException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidBlobException(String message) {
        super(message, null, false, false);
    }
}
