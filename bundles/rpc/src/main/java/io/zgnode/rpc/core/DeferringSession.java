package io.zgnode.rpc.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zgnode.api.rpc.RpcSession;

/**
 * The session handed to one call. Notifications it sends before the call's response has been
 * written are held back and sent right after it, so a client never sees a subscription's first
 * notification before the response that told it the subscription id. Params are written with
 * the endpoint's own mapper.
 */
final class DeferringSession implements RpcSession {

    private final ConnectionSession connection;
    private final ObjectMapper mapper;
    private List<byte[]> held = new ArrayList<>();

    DeferringSession(ConnectionSession connection, ObjectMapper mapper) {
        this.connection = connection;
        this.mapper = mapper;
    }

    @Override
    public String id() {
        return connection.id();
    }

    @Override
    public boolean supportsNotifications() {
        return connection.supportsNotifications();
    }

    @Override
    public void notify(String method, Object params) {
        if (!connection.supportsNotifications()) {
            throw ConnectionSession.cannotPush(id());
        }
        byte[] json;
        try {
            json = Envelopes.notification(method, params, mapper);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the params of notification " + method + " as JSON: "
                    + e.getMessage(), e);
        }
        // the lock also orders sends: a notify racing with release() cannot overtake held ones
        synchronized (this) {
            if (held != null) {
                held.add(json);
            } else {
                connection.sendNotification(json);
            }
        }
    }

    /** The response has been handed to the transport: send what was held, then pass through. */
    synchronized void release() {
        List<byte[]> pending = held;
        held = null;
        if (pending != null) {
            pending.forEach(connection::sendNotification);
        }
    }

    @Override
    public void onClose(Runnable action) {
        connection.onClose(action);
    }

    @Override
    public boolean isOpen() {
        return connection.isOpen();
    }

    @Override
    public String toString() {
        return id();
    }
}
