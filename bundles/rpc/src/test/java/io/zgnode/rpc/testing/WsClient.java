package io.zgnode.rpc.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/** A java.net.http WebSocket that queues the messages it receives. */
public final class WsClient implements WebSocket.Listener, AutoCloseable {

    public final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    public final CountDownLatch closed = new CountDownLatch(1);
    public volatile int closeCode = -1;
    private final StringBuilder partial = new StringBuilder();
    public final WebSocket socket;

    public WsClient(HttpClient client, URI uri) throws Exception {
        socket = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, this)
                .get(10, TimeUnit.SECONDS);
    }

    public void send(String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    public JsonNode next() throws Exception {
        String m = messages.poll(10, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no message within 10 s");
        }
        return ServerFixture.JSON.readTree(m);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        closed.countDown();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.countDown();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    /** A listener that ignores everything. */
    public static final class Ignore implements WebSocket.Listener {
    }
}
