package io.zgnode.api.contract;

/**
 * Ends a contract call unsuccessfully: every change it made is dropped, the gas used so far is
 * charged, and the caller gets the revert data (for a reason, ABI-encoded {@code Error(string)},
 * as Solidity's {@code revert("...")}).
 */
public class RevertException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient byte[] data;

    /** A revert with a reason, encoded as Solidity's {@code Error(string)}. */
    public RevertException(String reason) {
        super(reason, null, false, false);
        this.data = null;
    }

    /** A revert with raw data (a custom error's encoding). */
    public RevertException(String description, byte[] data) {
        super(description, null, false, false);
        this.data = data.clone();
    }

    /** The raw revert data, or {@code null} when the reason is to be encoded as Error(string). */
    public byte[] data() {
        return data == null ? null : data.clone();
    }
}
