package io.zgnode.ethereum;

/**
 * ABI data that cannot be decoded (offsets or lengths out of range, dirty padding, bad UTF-8,
 * a wrong selector) or a decoded value that does not fit the Java type it is bound to. The
 * message is one line. Unchecked, as {@link IllegalArgumentException}s of malformed input are
 * throughout zgnode: a contract call that meets one reverts.
 */
public final class AbiException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public AbiException(String message) {
        super(message);
    }
}
