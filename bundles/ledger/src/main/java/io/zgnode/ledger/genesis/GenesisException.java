package io.zgnode.ledger.genesis;

/** A genesis document is invalid; the message names the field, in one line. */
public class GenesisException extends Exception {

    private static final long serialVersionUID = 1L;

    public GenesisException(String message) {
        super(message, null, false, false);
    }
}
