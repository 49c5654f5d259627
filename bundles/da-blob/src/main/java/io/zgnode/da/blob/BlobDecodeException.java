package io.zgnode.da.blob;

/**
 * The rows given cannot make a blob: too few, of the wrong size, or not of one encoding (an
 * impossible length prefix, bytes after the payload). Checked: rows come from the network, and a
 * caller has to decide what a failed retrieval means.
 */
public class BlobDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public BlobDecodeException(String message) {
        super(message);
    }
}
