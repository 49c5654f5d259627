package io.zgnode.da.retrieval;

/** A blob that cannot be retrieved: not certified, or too few good rows could be fetched (the message says which). */
public class RetrievalException extends Exception {

    private static final long serialVersionUID = 1L;

    public RetrievalException(String message) {
        super(message, null, false, false);
    }
}
