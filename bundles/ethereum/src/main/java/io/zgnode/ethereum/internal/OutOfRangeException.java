package io.zgnode.ethereum.internal;

/**
 * A well-formed RLP integer too large for its field ("nonce does not fit in 63 bits"): not a
 * malformed encoding, so not an {@link io.zgnode.ethereum.RlpException}.
 */
public final class OutOfRangeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    OutOfRangeException(String message) {
        super(message);
    }
}
