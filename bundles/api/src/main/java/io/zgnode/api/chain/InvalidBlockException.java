package io.zgnode.api.chain;

/** A proposed block does not follow the head or does not execute to what its header claims. */
public class InvalidBlockException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidBlockException(String message) {
        super(message, null, false, false);
    }
}
