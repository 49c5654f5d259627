package io.zgnode.feature.catalog;

/** A feature or bundle of the distribution is missing or unreadable; the message is one line. */
public class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
