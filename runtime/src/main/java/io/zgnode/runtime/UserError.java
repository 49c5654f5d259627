package io.zgnode.runtime;

/**
 * A problem the user can fix (unknown feature, port in use, bad data directory): reported as one
 * line on stderr with a non-zero exit code, never with a stack trace.
 */
public class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message, null, false, false);
    }
}
