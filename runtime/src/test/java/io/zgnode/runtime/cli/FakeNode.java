package io.zgnode.runtime.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A tiny JSON-RPC server on a loopback port, answering what a test tells it to. */
final class FakeNode implements AutoCloseable {

    /** An HTTP answer. */
    record Answer(int status, String contentType, String body) {
        static Answer result(Object id, String resultJson) {
            return new Answer(200, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + resultJson + "}");
        }

        static Answer error(Object id, int code, String message) {
            return new Answer(200, "application/json",
                    "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Function<JsonNode, Answer>> methods = new ConcurrentHashMap<>();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final List<String> contentTypes = new CopyOnWriteArrayList<>();

    FakeNode() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code method} with what {@code answer} makes of the request. */
    FakeNode on(String method, Function<JsonNode, Answer> answer) {
        methods.put(method, answer);
        return this;
    }

    /** Answers {@code method} with a result, given as JSON text. */
    FakeNode result(String method, String resultJson) {
        return on(method, request -> Answer.result(request.get("id"), resultJson));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            JsonNode request = JSON.readTree(body);
            requests.add(request);
            Function<JsonNode, Answer> method = methods.get(request.path("method").asText());
            Answer answer = method != null ? method.apply(request) : Answer.error(request.get("id"), -32601, "method not found");
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
