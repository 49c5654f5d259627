package io.zgnode.storage.sectors;

/** A proof needs a segment this node does not hold: a node of the segment's shard can answer. */
public final class SectorNotHeldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SectorNotHeldException(String message) {
        super(message);
    }
}
