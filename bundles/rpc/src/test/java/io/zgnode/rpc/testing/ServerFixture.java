package io.zgnode.rpc.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zgnode.api.metrics.MetricSource;
import io.zgnode.rpc.core.MethodRegistry;
import io.zgnode.rpc.http.RpcHttpServer;
import io.zgnode.rpc.http.ServerSettings;

/** A real server on an ephemeral loopback port, and an HTTP client for it. */
public final class ServerFixture implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    public final MethodRegistry registry = new MethodRegistry();
    public final List<MetricSource> metricSources = new CopyOnWriteArrayList<>();
    public final RpcHttpServer server;
    public final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public ServerFixture(ServerSettings settings) {
        server = RpcHttpServer.start(settings.withPort(0), registry, () -> metricSources);
    }

    public static ServerSettings settings() {
        return ServerSettings.defaults();
    }

    public URI uri(String path) {
        return server.url().resolve(path);
    }

    public URI wsUri(String path) {
        return URI.create("ws://" + server.url().getAuthority() + path);
    }

    public HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri("/"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode call(String method, String params) throws IOException, InterruptedException {
        HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}");
        return JSON.readTree(r.body());
    }

    @Override
    public void close() {
        server.close();
    }
}
