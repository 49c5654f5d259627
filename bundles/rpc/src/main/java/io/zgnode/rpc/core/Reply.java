package io.zgnode.rpc.core;

import java.util.List;

/**
 * The answer to one message (a request or a batch). The transport writes {@link #body()} and
 * then calls {@link #written()}, which lets the notifications the calls sent meanwhile follow.
 */
public final class Reply {

    private final byte[] body;
    private final List<DeferringSession> sessions;

    Reply(byte[] body, List<DeferringSession> sessions) {
        this.body = body;
        this.sessions = sessions;
    }

    /** The JSON to send, or null when nothing is answered (only notifications). */
    public byte[] body() {
        return body;
    }

    public void written() {
        sessions.forEach(DeferringSession::release);
    }
}
