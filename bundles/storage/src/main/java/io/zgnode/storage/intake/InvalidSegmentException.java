package io.zgnode.storage.intake;

/** An uploaded segment that does not belong to its entry; the message says why, for the uploader. */
public final class InvalidSegmentException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidSegmentException(String message) {
        super(message);
    }
}
