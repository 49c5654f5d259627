package io.zgnode.runtime.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.zgnode.runtime.UserError;

/**
 * A small JSON-RPC 2.0 client over HTTP for the client commands. {@link #call} returns the
 * result or throws a {@link UserError} whose message is the one line to show:
 * <ul>
 * <li>a JSON-RPC error: {@link RpcError}, "eth_sendRawTransaction failed: nonce too low (-32000)";</li>
 * <li>nothing listening: "no node answers at URL";</li>
 * <li>an HTTP error without a JSON-RPC error: "METHOD failed: HTTP 503 from URL: ...";</li>
 * <li>no answer in time, a broken connection, or an answer that is not JSON-RPC, each in words.</li>
 * </ul>
 * Safe for use by several threads at once.
 */
public final class RpcClient {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_QUOTED_BODY = 200;

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;
    private final AtomicLong ids = new AtomicLong();

    /** A client for {@code url} whose calls wait up to {@code timeout} for their answer. */
    public RpcClient(URI url, Duration timeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * A client for a URL a user gave (http or https).
     *
     * @throws UserError when it is not one
     */
    public static RpcClient of(String url) {
        return of(url, "--rpc");
    }

    /**
     * A client for a URL from elsewhere, e.g. a node an indexer lists.
     *
     * @param what names the URL in the error, e.g. "storage node URL"
     * @throws UserError when it is not an http or https URL
     */
    public static RpcClient of(String url, String what) {
        return new RpcClient(parseUrl(url, what), DEFAULT_TIMEOUT);
    }

    static URI parseUrl(String url, String what) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new UserError(what + " " + url + " is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new UserError(what + " " + url + " is not an http:// or https:// URL, e.g. " + RpcOption.DEFAULT_URL);
        }
        return uri;
    }

    public URI url() {
        return url;
    }

    /**
     * Calls {@code method} with positional parameters (anything Jackson serializes) and returns
     * its result (a NullNode for a null result).
     */
    public JsonNode call(String method, Object... params) {
        // written straight from the objects: no tree of them (a tree copies every byte[] it holds)
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("jsonrpc", "2.0");
        request.put("id", ids.incrementAndGet());
        request.put("method", method);
        request.put("params", Arrays.asList(params));
        HttpResponse<byte[]> response = send(method, request);
        return result(method, response);
    }

    /** Calls a method whose result is a quantity ("0x" and hex digits), e.g. eth_blockNumber. */
    public BigInteger callQuantity(String method, Object... params) {
        return quantity(call(method, params), method);
    }

    /**
     * A JSON-RPC quantity: "0x" followed by hex digits.
     *
     * @throws UserError naming {@code method} when {@code value} is not one
     */
    public BigInteger quantity(JsonNode value, String method) {
        String text = value != null && value.isTextual() ? value.asText() : null;
        if (text == null || !(text.startsWith("0x") || text.startsWith("0X")) || text.length() < 3 || text.length() > 2 + 64
                || !text.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new UserError(url + " answered " + method + " with " + quote(String.valueOf(value)) + ", not a quantity");
        }
        return new BigInteger(text.substring(2), 16);
    }

    /**
     * Bodies travel as UTF-8 bytes, not Java strings: a storage upload carries megabytes of base64,
     * which would otherwise be built as a string and then encoded again, and a downloaded segment
     * is parsed from the bytes that came without being decoded into a string first.
     */
    private HttpResponse<byte[]> send(String method, Map<String, Object> request) {
        HttpRequest httpRequest;
        try {
            httpRequest = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(request)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize the parameters of " + method, e);
        }
        try {
            return http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new UserError("no node answers at " + url + " (connecting timed out)");
        } catch (HttpTimeoutException e) {
            throw new UserError(method + " failed: no answer from " + url + " within "
                    + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s"));
        } catch (ConnectException e) {
            boolean unknownHost = e.getCause() instanceof UnresolvedAddressException;
            throw new UserError("no node answers at " + url + (unknownHost ? " (unknown host)" : ""));
        } catch (IOException e) {
            throw new UserError(method + " failed: the connection to " + url + " broke: "
                    + Errors.oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(method + " interrupted");
        }
    }

    private JsonNode result(String method, HttpResponse<byte[]> response) {
        JsonNode body = parse(response.body());
        JsonNode error = body == null ? null : body.get("error");
        if (error != null && error.isObject()) {
            JsonNode data = error.get("data");
            throw new RpcError(method, error.path("code").asLong(0), error.path("message").asText("(no message)"),
                    data == null || data.isNull() ? null : data);
        }
        if (response.statusCode() != 200) {
            String text = Errors.oneLine(text(response.body()));
            throw new UserError(method + " failed: HTTP " + response.statusCode() + " from " + url + (text.isEmpty() ? "" : ": " + quote(text)));
        }
        if (body == null || !body.isObject() || !body.has("result")) {
            throw new UserError(url + " answered " + method + " with something that is not a JSON-RPC response: "
                    + quote(Errors.oneLine(text(response.body()))));
        }
        JsonNode result = body.get("result");
        return result == null ? NullNode.getInstance() : result;
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return null; // not JSON: reading an array fails no other way
        }
    }

    private static String text(byte[] body) {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        return text.length() <= MAX_QUOTED_BODY ? text : text.substring(0, MAX_QUOTED_BODY) + "...";
    }
}
