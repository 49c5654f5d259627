package io.zgnode.storage.segments;

/** The bytes of one segment of an entry, as uploaded: 256 KiB, or less for the entry's last one. */
public record SegmentBytes(int index, byte[] data) {
}
