package io.zgnode.rpc.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zgnode.rpc.core.ConnectionSession;
import io.zgnode.rpc.core.JsonMappers;

/** A connection without a network, recording the notifications it is asked to send. */
public final class TestSession extends ConnectionSession {

    private final boolean push;
    private volatile boolean open = true;
    public final List<String> sent = new CopyOnWriteArrayList<>();

    public TestSession(boolean push) {
        super("test", JsonMappers.create(), Runnable::run);
        this.push = push;
    }

    @Override
    public boolean supportsNotifications() {
        return push;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    protected void send(byte[] json) {
        sent.add(new String(json, StandardCharsets.UTF_8));
    }

    public void close() {
        open = false;
        closed();
    }
}
