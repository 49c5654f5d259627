package io.zgnode.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Payloads of {@link io.zgnode.da.blob.BlobShape#MAX_PAYLOAD} bytes that differ only in their first
 * {@link #NUMBER_BYTES} bytes, blob {@code i}'s number: each has its own data root (so its own
 * request) while the client prepares one body once.
 */
final class BlobRequests {
    /** Six bytes are eight base64 characters: patching them leaves the rest of the encoding as it is. */
    static final int NUMBER_BYTES = 6;
    private static final byte[] HEAD = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"da_submitBlob\",\"params\":[\""
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = "\"]}".getBytes(StandardCharsets.US_ASCII);

    private final byte[] base;
    private final byte[] body;

    BlobRequests(byte[] base) {
        this.base = base;
        byte[] encoded = Base64.getEncoder().encode(base);
        this.body = new byte[HEAD.length + encoded.length + TAIL.length];
        System.arraycopy(HEAD, 0, body, 0, HEAD.length);
        System.arraycopy(encoded, 0, body, HEAD.length, encoded.length);
        System.arraycopy(TAIL, 0, body, HEAD.length + encoded.length, TAIL.length);
    }

    int size() {
        return base.length;
    }

    /** The da_submitBlob request of blob {@code number}, a new array. */
    byte[] request(long number) {
        byte[] request = body.clone();
        byte[] patched = Base64.getEncoder().encode(prefix(number));
        System.arraycopy(patched, 0, request, HEAD.length, patched.length);
        return request;
    }

    /** True if {@code payload} is blob {@code number}'s. */
    boolean isBlob(long number, byte[] payload) {
        return payload.length == base.length && Arrays.equals(prefix(number), 0, NUMBER_BYTES, payload, 0, NUMBER_BYTES)
                && Arrays.equals(base, NUMBER_BYTES, base.length, payload, NUMBER_BYTES, payload.length);
    }

    private static byte[] prefix(long number) {
        byte[] prefix = new byte[NUMBER_BYTES];
        for (int i = 0; i < NUMBER_BYTES; i++) {
            prefix[i] = (byte) (number >>> (8 * (NUMBER_BYTES - 1 - i)));
        }
        return prefix;
    }
}
