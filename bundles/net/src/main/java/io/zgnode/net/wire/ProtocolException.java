package io.zgnode.net.wire;

/**
 * A peer broke the protocol: a frame that is too long, does not decrypt, or does not parse.
 * Carries one line for the log, no stack trace.
 */
public final class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for penalties and metrics. */
    public enum Kind {
        /** A length prefix over the limit. */
        OVERSIZED,
        /** Authentication of an encrypted frame failed (tampered, replayed, reordered, wrong key). */
        DECRYPTION,
        /** A frame that decrypted but does not parse (unknown kind, truncated, bad UTF-8). */
        MALFORMED,
        /** A handshake message that is not what the protocol says. */
        HANDSHAKE,
        /** A zgnode peer speaking another version of the protocol: refused, not punished. */
        INCOMPATIBLE
    }

    private final Kind kind;

    public ProtocolException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
