package io.zgnode.rpc.core;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zgnode.api.rpc.RpcSession;

/**
 * The session of one client connection; the transport supplies how a notification is sent and
 * calls {@link #closed()} once when the connection ends.
 */
public abstract class ConnectionSession implements RpcSession {

    private static final System.Logger LOG = System.getLogger("io.zgnode.rpc");
    private static final AtomicLong IDS = new AtomicLong();

    private final String id;
    private final ObjectMapper mapper;
    private final Executor callbacks;
    private final List<Runnable> onClose = new ArrayList<>();
    private boolean closed;

    /**
     * @param callbacks where onClose actions run: they are plugin code and must not run on a
     *        network thread
     */
    protected ConnectionSession(String kind, ObjectMapper mapper, Executor callbacks) {
        this.id = kind + "-" + IDS.incrementAndGet();
        this.mapper = mapper;
        this.callbacks = callbacks;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void notify(String method, Object params) {
        if (!supportsNotifications()) {
            throw cannotPush(id);
        }
        try {
            sendNotification(Envelopes.notification(method, params, mapper));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the params of notification " + method + " as JSON: "
                    + e.getMessage(), e);
        }
    }

    /** Sends an encoded notification in order after those sent before; nothing once closed. */
    public final void sendNotification(byte[] json) {
        if (!supportsNotifications()) {
            throw cannotPush(id);
        }
        if (isOpen()) {
            send(json);
        }
    }

    static IllegalStateException cannotPush(String session) {
        return new IllegalStateException("session " + session + " cannot push notifications (plain HTTP): use WebSocket");
    }

    /** Hands one notification frame to the transport; called in the order of notifications. */
    protected abstract void send(byte[] json);

    @Override
    public void onClose(Runnable action) {
        synchronized (this) {
            if (!closed) {
                onClose.add(action);
                return;
            }
        }
        run(action);
    }

    /** The connection has closed: runs the onClose actions once. */
    protected final void closed() {
        List<Runnable> actions;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            actions = List.copyOf(onClose);
            onClose.clear();
        }
        for (Runnable action : actions) {
            try {
                callbacks.execute(() -> run(action));
            } catch (RejectedExecutionException e) {
                run(action);
            }
        }
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "onClose action of session " + id + " failed: " + e);
        }
    }
}
