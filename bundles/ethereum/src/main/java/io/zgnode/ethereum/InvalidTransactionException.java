package io.zgnode.ethereum;

/**
 * A raw transaction that cannot be accepted: malformed RLP ("malformed RLP: ..."), a field out of
 * range, an unsupported type ("unsupported transaction type 0x04") or a signature that recovers
 * no sender ("invalid signature: ..."). The message is one line, fit for a JSON-RPC error.
 * Checked, so that code handling network input cannot forget the case.
 */
public final class InvalidTransactionException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidTransactionException(String message) {
        super(message);
    }
}
