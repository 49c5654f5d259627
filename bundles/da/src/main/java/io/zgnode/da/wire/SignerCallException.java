package io.zgnode.da.wire;

/** A call to another DA node that failed: unreachable, timed out, or refused with a JSON-RPC error (its message kept). */
public class SignerCallException extends Exception {

    private static final long serialVersionUID = 1L;

    public SignerCallException(String message) {
        super(message, null, false, false);
    }
}
