package io.zgnode.rpc.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.api.rpc.RpcException;
import io.zgnode.rpc.testing.SampleEndpoint;
import io.zgnode.rpc.testing.ServerFixture;
import io.zgnode.rpc.testing.WsClient;

class WebSocketTest {

    private final List<AutoCloseable> open = new ArrayList<>();
    private final SampleEndpoint sample = new SampleEndpoint();
    private ServerFixture fixture;

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private ServerFixture start(ServerSettings settings) {
        fixture = new ServerFixture(settings);
        open.add(fixture);
        fixture.registry.add(sample, 1, 0, "sample 1.0.0");
        return fixture;
    }

    private WsClient connect(String path) throws Exception {
        if (fixture == null) {
            start(ServerFixture.settings());
        }
        WsClient ws = new WsClient(fixture.client, fixture.wsUri(path));
        open.add(ws);
        return ws;
    }

    @Test
    void requestsAndBatchesOnRootAndWsPaths() throws Exception {
        for (String path : List.of("/", "/ws")) {
            WsClient ws = connect(path);
            ws.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":[1,2]}");
            JsonNode r = ws.next();
            assertThat(r.path("id").asInt()).isEqualTo(1);
            assertThat(r.path("result").asLong()).isEqualTo(3);

            ws.send("[{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"test_echo\",\"params\":[\"x\"]},"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"test_count\"},"
                    + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"nope_none\"}]");
            JsonNode batch = ws.next();
            assertThat(batch).hasSize(2);
            assertThat(batch.get(0).path("result").asText()).isEqualTo("x");
            assertThat(batch.get(1).path("error").path("code").asInt()).isEqualTo(RpcException.METHOD_NOT_FOUND);

            ws.send("{broken");
            assertThat(ws.next().path("error").path("code").asInt()).isEqualTo(RpcException.PARSE_ERROR);
        }
    }

    @Test
    void websocketSessionsPushNotificationsInOrderAfterTheResponse() throws Exception {
        WsClient ws = connect("/");
        int count = 500;
        ws.send("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"test_subscribe\",\"params\":[" + count + "]}");
        JsonNode first = ws.next();
        assertThat(first.path("id").asInt()).as("the response comes before any notification").isEqualTo(9);
        assertThat(first.path("result").asText()).isEqualTo("0x1");
        for (int i = 0; i < count; i++) {
            JsonNode n = ws.next();
            assertThat(n.path("jsonrpc").asText()).isEqualTo("2.0");
            assertThat(n.path("method").asText()).isEqualTo("test_subscription");
            assertThat(n.has("id")).isFalse();
            assertThat(n.path("params").path("seq").asInt()).isEqualTo(i);
        }
    }

    @Test
    void websocketSessionSupportsNotifications() throws Exception {
        WsClient ws = connect("/");
        ws.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_session\",\"params\":[\"p\"]}");
        JsonNode r = ws.next();
        assertThat(r.path("result").path("push").asBoolean()).isTrue();
        assertThat(r.path("result").path("id").asText()).startsWith("ws-");
        // plain HTTP sessions do not
        JsonNode http = fixture.call("test_session", "[\"p\"]");
        assertThat(http.path("result").path("push").asBoolean()).isFalse();
        assertThat(http.path("result").path("id").asText()).startsWith("http-");
    }

    @Test
    void onCloseRunsWhenTheSocketCloses() throws Exception {
        WsClient ws = connect("/ws");
        ws.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_watch\"}");
        assertThat(ws.next().path("result").asText()).startsWith("ws-");
        assertThat(sample.closed.getCount()).isEqualTo(1);
        ws.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        assertThat(sample.closed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void onCloseRunsWhenTheServerStops() throws Exception {
        WsClient ws = connect("/");
        ws.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_watch\"}");
        ws.next();
        fixture.close();
        assertThat(sample.closed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void messagesOverTheLimitCloseTheSocket() throws Exception {
        start(ServerFixture.settings().withMaxRequestBytes(2048));
        WsClient ws = connect("/");
        ws.socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"" + "x".repeat(5000) + "\"]}", true);
        assertThat(ws.closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ws.closeCode).isEqualTo(1009);
    }

    @Test
    void foreignBrowserOriginsCannotOpenASocket() throws Exception {
        start(ServerFixture.settings().withCorsOrigins(List.of("https://app.example")));
        HttpClient client = fixture.client;
        assertThatThrownBy(() -> client.newWebSocketBuilder().header("Origin", "https://evil.example")
                .buildAsync(fixture.wsUri("/"), new WsClient.Ignore()).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(403));
        WebSocket allowed = client.newWebSocketBuilder().header("Origin", "https://app.example")
                .buildAsync(fixture.wsUri("/"), new WsClient.Ignore()).get(5, TimeUnit.SECONDS);
        allowed.abort();
    }
}
