package io.zgnode.ethereum;

/**
 * Input that is not canonical RLP. The message is one line and starts with "malformed RLP: ".
 * Unchecked, as {@link IllegalArgumentException}s of malformed input are throughout zgnode;
 * transaction decoding turns it into its checked {@link InvalidTransactionException}.
 */
public final class RlpException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public RlpException(String problem) {
        super("malformed RLP: " + problem);
    }
}
