package io.zgnode.api.net;

/** A peer's request is malformed; the requester is penalized. */
public class InvalidRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message, null, false, false);
    }
}
