package io.zgnode.net.internal;

import java.io.IOException;

/** The peer answered a request with an error (unknown protocol, invalid request, ...). */
public final class RequestFailedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    RequestFailedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The response status, one of {@link io.zgnode.net.wire.Frame.Response}'s constants. */
    public int status() {
        return status;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
