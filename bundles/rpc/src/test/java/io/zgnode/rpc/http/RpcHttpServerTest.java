package io.zgnode.rpc.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.api.rpc.RpcException;
import io.zgnode.rpc.testing.SampleEndpoint;
import io.zgnode.rpc.testing.ServerFixture;

class RpcHttpServerTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private ServerFixture start(ServerSettings settings) {
        ServerFixture f = new ServerFixture(settings);
        open.add(f);
        f.registry.add(new SampleEndpoint(), 1, 0, "sample 1.0.0");
        return f;
    }

    private ServerFixture start() {
        return start(ServerFixture.settings());
    }

    private static int code(JsonNode r) {
        return r.path("error").path("code").asInt();
    }

    @Test
    void servesJsonRpcOverPost() throws Exception {
        ServerFixture f = start();
        HttpResponse<String> r = f.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":[2,40]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(ServerFixture.JSON.readTree(r.body()).path("result").asLong()).isEqualTo(42);
    }

    @Test
    void everyErrorCodeOverHttp() throws Exception {
        ServerFixture f = start();
        assertThat(code(ServerFixture.JSON.readTree(f.post("{nope").body()))).isEqualTo(RpcException.PARSE_ERROR);
        assertThat(code(ServerFixture.JSON.readTree(f.post("{\"id\":1,\"method\":\"test_add\"}").body())))
                .isEqualTo(RpcException.INVALID_REQUEST);
        assertThat(code(f.call("nope_nothing", "[]"))).isEqualTo(RpcException.METHOD_NOT_FOUND);
        assertThat(code(f.call("test_add", "[1]"))).isEqualTo(RpcException.INVALID_PARAMS);
        assertThat(code(f.call("test_boom", "[]"))).isEqualTo(RpcException.INTERNAL_ERROR);
        assertThat(code(f.call("test_fail", "[]"))).isEqualTo(-32001);
    }

    @Test
    void notificationsGetNoContent() throws Exception {
        ServerFixture f = start();
        HttpResponse<String> single = f.post("{\"jsonrpc\":\"2.0\",\"method\":\"test_count\"}");
        assertThat(single.statusCode()).isEqualTo(204);
        assertThat(single.body()).isEmpty();
        HttpResponse<String> batch = f.post("[{\"jsonrpc\":\"2.0\",\"method\":\"test_count\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"test_count\"}]");
        assertThat(batch.statusCode()).isEqualTo(204);
    }

    @Test
    void mixedBatchOverHttp() throws Exception {
        ServerFixture f = start();
        JsonNode r = ServerFixture.JSON.readTree(f.post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"a\"]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"test_count\"},"
                + "{\"foo\":1},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test_echo\",\"params\":[\"b\"]}]").body());
        assertThat(r).hasSize(3);
        assertThat(r.get(0).path("result").asText()).isEqualTo("a");
        assertThat(code(r.get(1))).isEqualTo(RpcException.INVALID_REQUEST);
        assertThat(r.get(2).path("result").asText()).isEqualTo("b");
    }

    @Test
    void batchLimitOverHttp() throws Exception {
        ServerFixture f = start(ServerFixture.settings().withMaxBatchSize(2));
        JsonNode r = ServerFixture.JSON.readTree(f.post("[" + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_count\"},".repeat(2)
                + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_count\"}]").body());
        assertThat(code(r)).isEqualTo(RpcException.INVALID_REQUEST);
        assertThat(r.path("error").path("message").asText()).contains("limit of 2");
    }

    @Test
    void bodyOverTheLimitIs413WithTheLimit() throws Exception {
        ServerFixture f = start(ServerFixture.settings().withMaxRequestBytes(4096));
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"" + "x".repeat(10_000) + "\"]}";
        HttpResponse<String> r = f.post(big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode error = ServerFixture.JSON.readTree(r.body());
        assertThat(code(error)).isEqualTo(RpcException.INVALID_REQUEST);
        assertThat(error.path("error").path("message").asText()).contains("4096 bytes");

        // chunked, no Content-Length: found out while reading
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = f.client.send(HttpRequest.newBuilder(f.uri("/"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("4096 bytes");

        // and the server still serves within the limit
        assertThat(f.call("test_echo", "[\"ok\"]").path("result").asText()).isEqualTo("ok");
    }

    @Test
    void aLargeBlobFitsTheDefaultLimit() throws Exception {
        ServerFixture f = start();
        byte[] blob = new byte[16 * 1024 * 1024];
        String b64 = Base64.getEncoder().encodeToString(blob);
        JsonNode r = f.call("test_sum", "[[1,2]]");
        assertThat(r.path("result").asInt()).isEqualTo(3);
        HttpResponse<String> big = f.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_object\",\"params\":[\"" + b64 + "\"]}");
        assertThat(big.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.JSON.readTree(big.body()).path("result").asText()).isEqualTo("String");
    }

    @Test
    void connectionsOverTheLimitGet503AndAreClosed() throws Exception {
        ServerFixture f = start(ServerFixture.settings().withMaxConnections(2));
        try (Socket a = new Socket("127.0.0.1", f.server.url().getPort());
                Socket b = new Socket("127.0.0.1", f.server.url().getPort())) {
            assertThat(rawGet(a, "/health")).startsWith("HTTP/1.1 200");
            assertThat(rawGet(b, "/health")).startsWith("HTTP/1.1 200");
            assertThat(f.server.connections()).isEqualTo(2);
            HttpResponse<String> third = f.get("/health");
            assertThat(third.statusCode()).isEqualTo(503);
            assertThat(third.body()).contains("limit 2");
            assertThat(third.headers().firstValue("connection")).hasValue("close");
        }
        // closing frees the slots
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (f.server.connections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(f.get("/health").statusCode()).isEqualTo(200);
    }

    /** One request on a kept-alive raw connection; returns the whole response. */
    private static String rawGet(Socket socket, String path) throws IOException {
        socket.setSoTimeout(5000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readResponse(socket.getInputStream());
    }

    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.append((char) c);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    void keepAliveAndPipelinedResponsesInRequestOrder() throws Exception {
        ServerFixture f = start();
        try (Socket s = new Socket("127.0.0.1", f.server.url().getPort())) {
            s.setSoTimeout(5000);
            String slow = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_sleep\",\"params\":[300]}";
            String fast = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test_echo\",\"params\":[\"fast\"]}";
            String requests = post(slow) + post(fast);
            s.getOutputStream().write(requests.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            String first = readResponse(s.getInputStream());
            String second = readResponse(s.getInputStream());
            assertThat(first).contains("\"id\":1").contains("\"result\":300");
            assertThat(second).contains("\"id\":2").contains("fast");
            assertThat(f.server.connections()).isEqualTo(1);
        }
    }

    private static String post(String body) {
        return "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Test
    void getRootIsNotAllowedAndUnknownPathsAreNotFound() throws Exception {
        ServerFixture f = start();
        HttpResponse<String> root = f.get("/");
        assertThat(root.statusCode()).isEqualTo(405);
        assertThat(root.body()).contains("POST");
        assertThat(f.get("/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void healthIsOk() throws Exception {
        ServerFixture f = start();
        HttpResponse<String> r = f.get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.JSON.readTree(r.body()).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void metricsPageHasOwnAndSourceMetricsAndSkipsFailingSources() throws Exception {
        ServerFixture f = start();
        f.metricSources.add(out -> out.counter("zgnode_test_blocks_total", "Blocks.", 12, "chain", "main \"x\""));
        f.metricSources.add(out -> {
            throw new IllegalStateException("broken");
        });
        f.metricSources.add(out -> out.counter("zgnode_test_blocks_total", "Blocks.", 3, "chain", "side"));
        f.call("test_echo", "[\"a\"]");
        f.call("test_fail", "[]");
        HttpResponse<String> r = f.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(r.body())
                .contains("zgnode_rpc_requests_total{method=\"test_echo\"} 1\n")
                .contains("zgnode_rpc_errors_total{method=\"test_fail\",code=\"-32001\"} 1\n")
                .contains("# TYPE zgnode_rpc_connections gauge\n")
                .contains("zgnode_rpc_request_seconds_count{method=\"test_echo\"} 1\n")
                .contains("zgnode_test_blocks_total{chain=\"main \\\"x\\\"\"} 12\nzgnode_test_blocks_total{chain=\"side\"} 3\n");
        assertThat(r.body().split("# TYPE zgnode_test_blocks_total", -1)).hasSize(2);
    }

    @Test
    void corsPreflightAndHeaders() throws Exception {
        ServerFixture f = start(ServerFixture.settings().withCorsOrigins(List.of("https://app.example, https://other.example")));
        HttpResponse<String> pre = f.client.send(HttpRequest.newBuilder(f.uri("/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pre.statusCode()).isEqualTo(204);
        assertThat(pre.headers().firstValue("access-control-allow-origin")).hasValue("https://app.example");
        assertThat(pre.headers().firstValue("access-control-allow-methods").orElse("")).contains("POST");
        assertThat(pre.headers().firstValue("access-control-allow-headers")).hasValue("content-type");

        HttpResponse<String> denied = f.client.send(HttpRequest.newBuilder(f.uri("/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("access-control-allow-origin")).isEmpty();

        HttpResponse<String> call = f.client.send(HttpRequest.newBuilder(f.uri("/"))
                .header("Origin", "https://other.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"c\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(call.headers().firstValue("access-control-allow-origin")).hasValue("https://other.example");
        assertThat(call.headers().firstValue("vary")).hasValue("origin");
    }

    @Test
    void anyOriginWithStar() throws Exception {
        ServerFixture f = start(ServerFixture.settings().withCorsOrigins(List.of("*")));
        HttpResponse<String> call = f.client.send(HttpRequest.newBuilder(f.uri("/"))
                .header("Origin", "https://whoever.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"c\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(call.headers().firstValue("access-control-allow-origin")).hasValue("*");
    }

    @Test
    void noCorsHeadersByDefault() throws Exception {
        ServerFixture f = start();
        HttpResponse<String> call = f.client.send(HttpRequest.newBuilder(f.uri("/"))
                .header("Origin", "https://app.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"c\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void aCallDuringAnUpdateWaitsForTheNewEndpoint() throws Exception {
        ServerFixture f = start(ServerFixture.settings().withUpdateGraceMillis(3000));
        f.registry.remove(1); // the bundle is being updated
        CompletableFuture<HttpResponse<String>> call = f.client.sendAsync(HttpRequest.newBuilder(f.uri("/"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"still here\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200);
        assertThat(call).isNotDone();
        // other methods are not held up meanwhile
        assertThat(f.call("rpc_modules", "[]").path("result").has("rpc")).isTrue();
        f.registry.add(new SampleEndpoint(), 2, 0, "sample 1.0.1");
        HttpResponse<String> r = call.get(5, TimeUnit.SECONDS);
        assertThat(ServerFixture.JSON.readTree(r.body()).path("result").asText()).isEqualTo("still here");
    }

    @Test
    void aCallForAMethodThatStaysGoneFailsAfterGrace() throws Exception {
        ServerFixture f = start(ServerFixture.settings().withUpdateGraceMillis(400));
        f.registry.remove(1);
        long start = System.nanoTime();
        JsonNode r = f.call("test_echo", "[\"x\"]");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(code(r)).isEqualTo(RpcException.METHOD_NOT_FOUND);
        assertThat(millis).isBetween(300L, 3000L);
        // after the grace it fails at once
        long again = System.nanoTime();
        assertThat(code(f.call("test_echo", "[\"x\"]"))).isEqualTo(RpcException.METHOD_NOT_FOUND);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - again)).isLessThan(300);
    }

    @Test
    void clientsKeepCallingWhileTheEndpointIsSwappedRepeatedly() throws Exception {
        ServerFixture f = start();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread caller = new Thread(() -> {
            while (running.get()) {
                try {
                    JsonNode r = f.call("test_echo", "[\"x\"]");
                    if ("x".equals(r.path("result").asText())) {
                        ok.incrementAndGet();
                    } else {
                        failures.add(r.toString());
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        });
        caller.start();
        try {
            long id = 1;
            for (int i = 0; i < 30; i++) {
                Thread.sleep(10);
                f.registry.remove(id); // the old revision unregisters...
                Thread.sleep(5);
                f.registry.add(new SampleEndpoint(), ++id, 0, "sample 1.0." + i); // ...and the new one registers
            }
            Thread.sleep(50);
        } finally {
            running.set(false);
            caller.join(10_000);
        }
        assertThat(failures).isEmpty();
        assertThat(ok.get()).isPositive();
    }

    @Test
    void exposesUrlMethodsAndModules() {
        ServerFixture f = start();
        assertThat(f.server.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(f.server.methods()).contains("test_echo", "rpc_modules");
        assertThat(f.server.modules()).containsOnlyKeys("rpc", "test");
    }

    @Test
    void busyPortFailsWithOneClearLine() {
        ServerFixture f = start();
        int port = f.server.url().getPort();
        ServerSettings same = ServerFixture.settings().withPort(port);
        assertThatThrownBy(() -> RpcHttpServer.start(same, f.registry, List::of))
                .isInstanceOf(ListenException.class)
                .hasMessage("cannot listen on 127.0.0.1:" + port + ": address already in use")
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
        f.registry.remove(1);
        assertThat(f.registry.lookup("test_echo")).as("the running server's grace survives a failed start").isNotDone();
    }

    @Test
    void closeStopsItsThreads() throws Exception {
        ServerFixture f = new ServerFixture(ServerFixture.settings());
        f.call("rpc_modules", "[]");
        f.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (rpcThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(rpcThreads()).isZero();
        assertThatThrownBy(() -> f.client.send(HttpRequest.newBuilder(f.uri("/health")).timeout(Duration.ofSeconds(2))
                .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    /** Threads of servers still open in this test class would count too: only this test's server runs here. */
    private static long rpcThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("zgnode-rpc-")).count();
    }
}
