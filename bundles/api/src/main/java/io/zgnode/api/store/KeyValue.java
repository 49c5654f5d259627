package io.zgnode.api.store;

/** One entry of a namespace, as returned by a scan. The arrays belong to the caller. */
public record KeyValue(byte[] key, byte[] value) {
}
