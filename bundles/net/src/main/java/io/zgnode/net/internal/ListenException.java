package io.zgnode.net.internal;

import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/** The network cannot listen where it was told to. Carries one line for the log; no stack trace. */
public final class ListenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private ListenException(String message) {
        super(message, null, false, false);
    }

    static ListenException of(String address, Throwable cause) {
        return new ListenException("cannot listen for peers on " + address + ": " + reason(cause));
    }

    private static String reason(Throwable cause) {
        if (cause instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        String text = cause == null ? null : cause.getMessage();
        if (text == null || text.isBlank()) {
            return cause == null ? "unknown error" : cause.getClass().getSimpleName();
        }
        if (cause instanceof BindException && text.toLowerCase(Locale.ROOT).startsWith("address already in use")) {
            return "address already in use";
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
