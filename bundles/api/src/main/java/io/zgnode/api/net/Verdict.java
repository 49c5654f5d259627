package io.zgnode.api.net;

/** What a handler made of a message. */
public enum Verdict {
    /** Valid and new: deliver it on (gossip relays it to the other peers). */
    ACCEPT,
    /** Valid but not worth relaying (already known, stale). */
    IGNORE,
    /** Invalid: the sender is penalized, and banned when it keeps doing it. */
    REJECT
}
