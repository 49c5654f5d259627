package io.zgnode.da.wire;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON-RPC calls from one DA node to the signers, at the sockets they registered: the JDK's HTTP
 * client and Jackson, nothing more, since the calls are few and large (a signer's rows of a blob).
 */
public final class SignerClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;
    private final AtomicLong ids = new AtomicLong();

    public SignerClient(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = timeout;
    }

    public StoreReceiptJson storeRows(String socket, StoreRowsJson rows) throws SignerCallException, InterruptedException {
        return call(socket, "da_storeRows", List.of(rows), JSON.constructType(StoreReceiptJson.class));
    }

    public List<RowJson> getRows(String socket, String dataRoot, List<Integer> indices) throws SignerCallException, InterruptedException {
        return call(socket, "da_getRows", List.of(dataRoot, indices), JSON.getTypeFactory().constructCollectionType(List.class, RowJson.class));
    }

    private <T> T call(String socket, String method, List<Object> params, JavaType result) throws SignerCallException, InterruptedException {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("jsonrpc", "2.0", "id", ids.incrementAndGet(), "method", method, "params", params));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<byte[]> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(socket)).timeout(timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | IllegalArgumentException e) {
            throw new SignerCallException(method + " at " + socket + ": " + describe(e));
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            if (answer == null || !answer.isObject()) {
                throw new SignerCallException(method + " at " + socket + ": HTTP " + response.statusCode() + ", no JSON-RPC answer");
            }
            if (answer.hasNonNull("error")) {
                throw new SignerCallException(answer.get("error").path("message").asText("error " + answer.get("error")));
            }
            return JSON.convertValue(answer.get("result"), result);
        } catch (IOException | IllegalArgumentException e) {
            throw new SignerCallException(method + " at " + socket + ": unreadable answer: " + e.getMessage());
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
