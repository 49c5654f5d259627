package io.zgnode.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zgnode.runtime.cli.Json;

/**
 * The DA methods of one node, as a client that costs the shared cores little calls them: a blob's
 * {@code da_submitBlob} request is written once as bytes (its base64 straight into the body) and
 * each blob after it only patches its first bytes ({@link BlobRequests}), so no 43 MB string is built per blob.
 */
final class DaRpc {

    /** The client commands' mapper: it reads strings as long as a whole blob in base64. */
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final AtomicLong IDS = new AtomicLong();

    private final URI url;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    DaRpc(String url, Duration timeout) {
        this.url = URI.create(url);
        this.timeout = timeout;
    }

    /** {@code da_submitBlob} of a request body made by {@link BlobRequests#request}: {requestId, dataRoot, status, ...}. */
    JsonNode submit(byte[] request) throws IOException, InterruptedException {
        return result("da_submitBlob", request);
    }

    /** {@code da_getBlobStatus}: {status, signedRows, certificateTx, blockNumber, error, ...}. */
    JsonNode status(String requestId) throws IOException, InterruptedException {
        return call("da_getBlobStatus", requestId);
    }

    /** {@code da_retrieveBlob}: the payload, decoded from its base64. */
    byte[] retrieve(String dataRoot) throws IOException, InterruptedException {
        return Base64.getDecoder().decode(call("da_retrieveBlob", dataRoot).get("data").asText());
    }

    private JsonNode call(String method, Object... params) throws IOException, InterruptedException {
        Map<String, Object> request = Map.of("jsonrpc", "2.0", "id", IDS.incrementAndGet(), "method", method, "params", List.of(params));
        return result(method, JSON.writeValueAsBytes(request));
    }

    private JsonNode result(String method, byte[] body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode answer = JSON.readTree(response.body());
        if (answer == null || answer.hasNonNull("error") || !answer.has("result")) {
            String text = new String(response.body(), 0, Math.min(300, response.body().length), StandardCharsets.UTF_8);
            throw new IOException(method + " failed: HTTP " + response.statusCode() + ": " + text);
        }
        return answer.get("result");
    }
}
