package io.zgnode.itests.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A node's JSON-RPC endpoint by URL, for nodes a test did not start itself (a devnet's). */
public final class RpcEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong();

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public RpcEndpoint(String url) {
        this.url = url;
    }

    public String url() {
        return url;
    }

    /** The whole response object. */
    public JsonNode call(String method, Object... params) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", IDS.incrementAndGet(), "method", method, "params", List.of(params)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** The result, or an IOException naming the JSON-RPC error. */
    public JsonNode result(String method, Object... params) throws IOException, InterruptedException {
        JsonNode response = call(method, params);
        if (response.has("error")) {
            throw new IOException(method + " failed: " + response.get("error"));
        }
        return response.get("result");
    }
}
