package io.zgnode.rpc.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zgnode.api.rpc.RpcException;
import io.zgnode.rpc.metrics.RpcMetrics;
import io.zgnode.rpc.testing.Greeter;
import io.zgnode.rpc.testing.SampleEndpoint;
import io.zgnode.rpc.testing.TestSession;

class JsonRpcDispatcherTest {

    private static final ObjectMapper JSON = JsonMappers.create();

    private final MethodRegistry registry = new MethodRegistry();
    private final SampleEndpoint sample = new SampleEndpoint();
    private final RpcMetrics metrics = new RpcMetrics(() -> 0);
    private ExecutorService workers;
    private JsonRpcDispatcher dispatcher;

    @BeforeEach
    void start() {
        workers = Executors.newFixedThreadPool(2);
        dispatcher = new JsonRpcDispatcher(registry, metrics, workers, 3);
        registry.add(sample, 1, 0, "test.bundle 1.0.0");
        registry.add(Greeter.create(), 2, 0, "greeter.bundle 1.0.0");
    }

    @AfterEach
    void stop() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }

    private String raw(String body, TestSession session) throws Exception {
        Reply reply = dispatcher.handle(body.getBytes(StandardCharsets.UTF_8), session).get(10, TimeUnit.SECONDS);
        reply.written();
        return reply.body() == null ? null : new String(reply.body(), StandardCharsets.UTF_8);
    }

    private JsonNode send(String body) throws Exception {
        String answer = raw(body, new TestSession(false));
        return answer == null ? null : JSON.readTree(answer);
    }

    private JsonNode call(String method, String params) throws Exception {
        return send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + params + "}");
    }

    private static void assertError(JsonNode response, int code, String... messageParts) {
        assertThat(response.has("result")).as("no result in %s", response).isFalse();
        assertThat(response.path("error").path("code").asInt()).as("code of %s", response).isEqualTo(code);
        if (messageParts.length > 0) {
            assertThat(response.path("error").path("message").asText()).contains(messageParts);
        }
    }

    // ---- protocol

    @Test
    void answersASingleRequestWithItsId() throws Exception {
        JsonNode r = call("test_echo", "[\"hi\"]");
        assertThat(r.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(r.path("id").asInt()).isEqualTo(7);
        assertThat(r.path("result").asText()).isEqualTo("hi");
        assertThat(r.has("error")).isFalse();
    }

    @Test
    void echoesStringNumberAndNullIdsExactly() throws Exception {
        assertThat(send("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"test_echo\",\"params\":[\"x\"]}")
                .path("id").asText()).isEqualTo("abc");
        assertThat(raw("{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"method\":\"test_echo\",\"params\":[\"x\"]}",
                new TestSession(false))).contains("\"id\":123456789012345678901234567890");
        JsonNode nullId = send("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"test_echo\",\"params\":[\"x\"]}");
        assertThat(nullId.has("id")).isTrue();
        assertThat(nullId.get("id").isNull()).isTrue();
        assertThat(nullId.path("result").asText()).isEqualTo("x");
    }

    @Test
    void invalidJsonIsAParseError() throws Exception {
        JsonNode r = send("{\"jsonrpc\":\"2.0\",\"method\":");
        assertError(r, RpcException.PARSE_ERROR, "parse error");
        assertThat(r.get("id").isNull()).isTrue();
        assertError(send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\"} trailing"), RpcException.PARSE_ERROR);
        assertError(send(""), RpcException.PARSE_ERROR, "empty body");
    }

    @Test
    void malformedRequestsAreInvalidRequests() throws Exception {
        assertError(send("{\"id\":1,\"method\":\"test_echo\"}"), RpcException.INVALID_REQUEST, "jsonrpc must be \"2.0\"");
        assertError(send("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"test_echo\"}"), RpcException.INVALID_REQUEST, "jsonrpc");
        assertError(send("{\"jsonrpc\":2.0,\"id\":1,\"method\":\"test_echo\"}"), RpcException.INVALID_REQUEST, "jsonrpc");
        assertError(send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}"), RpcException.INVALID_REQUEST, "method");
        assertError(send("{\"jsonrpc\":\"2.0\",\"id\":1}"), RpcException.INVALID_REQUEST, "method");
        assertError(send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":\"x\"}"),
                RpcException.INVALID_REQUEST, "params");
        JsonNode badId = send("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"test_echo\"}");
        assertError(badId, RpcException.INVALID_REQUEST, "id");
        assertThat(badId.get("id").isNull()).isTrue();
        assertError(send("42"), RpcException.INVALID_REQUEST, "expected a JSON object");
        // an invalid request keeps its id when the id itself is fine
        assertThat(send("{\"jsonrpc\":\"1.0\",\"id\":\"q\",\"method\":\"test_echo\"}").path("id").asText()).isEqualTo("q");
    }

    @Test
    void unknownMethodIsNotFoundAndNamed() throws Exception {
        assertError(call("nope_missing", "[]"), RpcException.METHOD_NOT_FOUND, "nope_missing");
    }

    @Test
    void notificationsRunButAreNotAnswered() throws Exception {
        assertThat(raw("{\"jsonrpc\":\"2.0\",\"method\":\"test_count\"}", new TestSession(false))).isNull();
        assertThat(raw("{\"jsonrpc\":\"2.0\",\"method\":\"test_boom\"}", new TestSession(false))).isNull();
        assertThat(raw("{\"jsonrpc\":\"2.0\",\"method\":\"nope_missing\"}", new TestSession(false))).isNull();
        assertThat(sample.counted.get()).isEqualTo(1);
    }

    // ---- batches

    @Test
    void batchAnswersInRequestOrderWithoutNotifications() throws Exception {
        dispatcher = new JsonRpcDispatcher(registry, metrics, workers, 10);
        JsonNode r = send("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_sleep\",\"params\":[100]},"
                + "1,"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"test_count\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"nope_missing\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"test_add\",\"params\":[2,3]}]");
        assertThat(r.isArray()).isTrue();
        assertThat(r).hasSize(4);
        assertThat(r.get(0).path("id").asInt()).isEqualTo(1);
        assertThat(r.get(0).path("result").asLong()).isEqualTo(100);
        assertError(r.get(1), RpcException.INVALID_REQUEST);
        assertThat(r.get(1).get("id").isNull()).isTrue();
        assertThat(r.get(2).path("id").asText()).isEqualTo("b");
        assertError(r.get(2), RpcException.METHOD_NOT_FOUND, "nope_missing");
        assertThat(r.get(3).path("result").asLong()).isEqualTo(5);
        assertThat(sample.counted.get()).isEqualTo(1);
    }

    @Test
    void batchOfNotificationsIsNotAnswered() throws Exception {
        assertThat(raw("[{\"jsonrpc\":\"2.0\",\"method\":\"test_count\"},{\"jsonrpc\":\"2.0\",\"method\":\"test_count\"}]",
                new TestSession(false))).isNull();
        assertThat(sample.counted.get()).isEqualTo(2);
    }

    @Test
    void emptyBatchIsOneInvalidRequest() throws Exception {
        JsonNode r = send("[]");
        assertThat(r.isObject()).isTrue();
        assertError(r, RpcException.INVALID_REQUEST, "empty batch");
    }

    @Test
    void batchOverTheLimitIsOneErrorNamingTheLimit() throws Exception {
        String one = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_count\"}";
        JsonNode r = send("[" + one + "," + one + "," + one + "," + one + "]");
        assertThat(r.isObject()).isTrue();
        assertError(r, RpcException.INVALID_REQUEST, "batch of 4 requests", "limit of 3");
        assertThat(sample.counted.get()).isZero();
    }

    // ---- errors from methods

    @Test
    void rpcExceptionKeepsCodeMessageAndData() throws Exception {
        JsonNode r = call("test_fail", "[]");
        assertError(r, -32001, "not today");
        assertThat(r.path("error").path("data").path("retryAfter").asInt()).isEqualTo(5);
    }

    @Test
    void otherExceptionsAreInternalErrorsWithoutDetail() throws Exception {
        JsonNode r = call("test_boom", "[]");
        assertError(r, RpcException.INTERNAL_ERROR, "internal error");
        assertThat(r.toString()).doesNotContain("secret").doesNotContain("IllegalStateException");
        assertThat(r.path("error").has("data")).isFalse();
    }

    @Test
    void resultThatCannotBeWrittenIsAnInternalError() throws Exception {
        assertError(call("test_unwritable", "[]"), RpcException.INTERNAL_ERROR, "internal error");
    }

    // ---- parameter binding

    @Test
    void bindsRecords() throws Exception {
        String memo = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
        JsonNode r = call("test_transfer", "[{\"to\":\"bob\",\"amount\":21,\"memo\":\"" + memo + "\",\"extra\":true}]");
        assertThat(r.path("result").path("to").asText()).isEqualTo("BOB");
        assertThat(r.path("result").path("amount").asLong()).isEqualTo(42);
        assertThat(r.path("result").path("memo").asText()).isEqualTo(memo);
    }

    @Test
    void bindsGenericListsAndMaps() throws Exception {
        assertThat(call("test_sum", "[[1,2,3,4]]").path("result").asInt()).isEqualTo(10);
        JsonNode groups = call("test_groups", "[{\"a\":[1,2],\"b\":[10000000000]}]").path("result");
        assertThat(groups.path("a").asLong()).isEqualTo(3);
        assertThat(groups.path("b").asLong()).isEqualTo(10_000_000_000L);
        assertError(call("test_sum", "[[1,\"x\"]]"), RpcException.INVALID_PARAMS, "parameter 1", "List<Integer>");
    }

    @Test
    void bindsBytesFromBase64() throws Exception {
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        String b64 = Base64.getEncoder().encodeToString(data);
        JsonNode r = call("test_bytes", "[\"" + b64 + "\"]").path("result");
        assertThat(r.path("length").asInt()).isEqualTo(300);
        assertThat(r.path("copy").asText()).isEqualTo(b64);
        assertError(call("test_bytes", "[\"***not base64***\"]"), RpcException.INVALID_PARAMS, "parameter 1", "base64");
    }

    @Test
    void bindsALargeBase64Blob() throws Exception {
        // longer than Jackson's default 20 M chars string limit: a maximal DA blob must fit
        byte[] blob = new byte[16 * 1024 * 1024];
        blob[blob.length - 1] = 7;
        String b64 = Base64.getEncoder().encodeToString(blob);
        assertThat(b64.length()).isGreaterThan(20_000_000);
        Reply reply = dispatcher.handle(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_bytes\",\"params\":[\"" + b64 + "\"]}")
                .getBytes(StandardCharsets.US_ASCII), new TestSession(false)).get(30, TimeUnit.SECONDS);
        assertThat(JSON.readTree(reply.body()).path("result").path("length").asInt()).isEqualTo(blob.length);
    }

    @Test
    void missingTrailingParamsAreNullOrEmpty() throws Exception {
        assertThat(call("test_optional", "[\"a\"]").path("result").asText()).isEqualTo("a|empty|null");
        assertThat(call("test_optional", "[\"a\", 5]").path("result").asText()).isEqualTo("a|5|null");
        assertThat(call("test_optional", "[\"a\", null, 3]").path("result").asText()).isEqualTo("a|empty|3");
        assertThat(call("test_optional", "[]").path("result").asText()).isEqualTo("null|empty|null");
        assertThat(send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_optional\"}").path("result").asText())
                .isEqualTo("null|empty|null");
    }

    @Test
    void missingOrNullPrimitiveIsInvalidParams() throws Exception {
        assertError(call("test_primitive", "[\"a\"]"), RpcException.INVALID_PARAMS, "missing parameter 2", "long");
        assertError(call("test_primitive", "[\"a\", null]"), RpcException.INVALID_PARAMS, "parameter 2", "long", "null");
        assertThat(call("test_primitive", "[\"a\", 1]").path("result").asText()).isEqualTo("a1");
    }

    @Test
    void tooManyParamsIsInvalidParams() throws Exception {
        assertError(call("test_add", "[1,2,3]"), RpcException.INVALID_PARAMS, "too many parameters", "takes 2", "got 3");
        assertError(call("test_count", "[1]"), RpcException.INVALID_PARAMS, "too many parameters");
    }

    @Test
    void wrongTypeNamesPositionAndType() throws Exception {
        assertError(call("test_add", "[1,\"abc\"]"), RpcException.INVALID_PARAMS, "parameter 2", "expected long", "\"abc\"");
        assertError(call("test_add", "[1.5,2]"), RpcException.INVALID_PARAMS, "parameter 1", "expected long");
        assertError(call("test_transfer", "[[1,2]]"), RpcException.INVALID_PARAMS, "parameter 1", "expected Transfer");
        assertError(call("test_echo", "[{\"a\":1}]"), RpcException.INVALID_PARAMS, "parameter 1", "expected String");
    }

    @Test
    void byNameParamsOnlyForOneParameter() throws Exception {
        JsonNode r = call("test_transfer", "{\"to\":\"amy\",\"amount\":1}");
        assertThat(r.path("result").path("to").asText()).isEqualTo("AMY");
        assertError(call("test_add", "{\"a\":1,\"b\":2}"), RpcException.INVALID_PARAMS, "takes 2", "array");
        // a session parameter does not count
        assertThat(call("test_session", "{\"x\":1}").path("error").path("code").asInt())
                .isEqualTo(RpcException.INVALID_PARAMS);
        assertThat(call("test_count", "{}").has("result")).isTrue();
    }

    @Test
    void objectParamsGetPlainJavaValues() throws Exception {
        assertThat(call("test_object", "[{\"a\":[1,\"s\",true,null,1.5],\"b\":{\"c\":12345678901}}]").path("result").asText())
                .isEqualTo("Map{a=List[Integer, String, Boolean, null, Double];b=Map{c=Long;};}");
    }

    @Test
    void sessionParameterTakesNoJsonParam() throws Exception {
        TestSession session = new TestSession(false);
        JsonNode r = JSON.readTree(raw("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_session\",\"params\":[\"p\"]}", session));
        assertThat(r.path("result").path("id").asText()).isEqualTo(session.id());
        assertThat(r.path("result").path("prefix").asText()).isEqualTo("p");
        assertThat(r.path("result").path("push").asBoolean()).isFalse();
        assertError(JSON.readTree(raw("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_session\",\"params\":[\"p\",2]}",
                session)), RpcException.INVALID_PARAMS, "too many");
    }

    @Test
    void plainHttpSessionsRefuseNotifications() throws Exception {
        assertThat(call("test_push", "[]").path("result").asText()).startsWith("refused:").contains("WebSocket");
    }

    @Test
    void notificationsSentDuringACallFollowItsResponse() throws Exception {
        TestSession session = new TestSession(true);
        Reply reply = dispatcher.handle("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_subscribe\",\"params\":[1]}"
                .getBytes(StandardCharsets.UTF_8), session).get(5, TimeUnit.SECONDS);
        assertThat(JSON.readTree(reply.body()).path("result").asText()).isEqualTo("0x1");
        assertThat(session.sent).as("held until the response is written").isEmpty();
        reply.written();
        assertThat(session.sent).hasSize(1);
        JsonNode n = JSON.readTree(session.sent.get(0));
        assertThat(n.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(n.path("method").asText()).isEqualTo("test_subscription");
        assertThat(n.path("params").path("seq").asInt()).isZero();
        assertThat(n.has("id")).isFalse();
    }

    @Test
    void interfaceAnnotationsOfAHiddenClassAreServed() throws Exception {
        assertThat(call("greet_hello", "[\"ann\"]").path("result").asText()).isEqualTo("hello ann");
    }

    @Test
    void jacksonParameterTypesAreNotServed() throws Exception {
        assertError(call("test_tree", "[{}]"), RpcException.METHOD_NOT_FOUND);
    }

    @Test
    void rpcModulesListsWhatIsServed() throws Exception {
        JsonNode r = call("rpc_modules", "[]").path("result");
        assertThat(JSON.convertValue(r, java.util.Map.class))
                .containsEntry("rpc", "1.0").containsEntry("test", "1.0").containsEntry("greet", "1.0").hasSize(3);
        registry.remove(2);
        assertThat(call("rpc_modules", "[]").path("result").has("greet")).isFalse();
    }

    @Test
    void countsRequestsAndErrors() throws Exception {
        call("test_echo", "[\"a\"]");
        call("test_fail", "[]");
        call("nope_x", "[]");
        send("{bad");
        assertThat(metrics.requestsTotal()).isEqualTo(4);
        assertThat(metrics.errorsTotal()).isEqualTo(3);
    }
}
