package io.zgnode.consensus.bft.core;

/** A consensus message, certificate or evidence that does not decode or does not verify. */
public class InvalidMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidMessageException(String message) {
        super(message, null, false, false);
    }
}
