package io.zgnode.da.signer;

/** Rows a signer refuses, with the reason (the row named when one row is at fault). Nothing was stored. */
public class InvalidRowsException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidRowsException(String message) {
        super(message, null, false, false);
    }
}
