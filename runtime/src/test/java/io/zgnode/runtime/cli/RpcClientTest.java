package io.zgnode.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.runtime.UserError;

class RpcClientTest {

    private FakeNode node;
    private RpcClient client;

    @BeforeEach
    void start() throws Exception {
        node = new FakeNode();
        client = RpcClient.of(node.url());
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void sendsAJsonRpc20RequestAndReturnsTheResult() {
        node.result("eth_getBalance", "\"0xde0b6b3a7640000\"");
        JsonNode result = client.call("eth_getBalance", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", "latest");
        assertThat(result.asText()).isEqualTo("0xde0b6b3a7640000");

        JsonNode request = node.requests.get(0);
        assertThat(request.get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(request.get("id").isIntegralNumber()).isTrue();
        assertThat(request.get("method").asText()).isEqualTo("eth_getBalance");
        assertThat(request.get("params").toString()).isEqualTo("[\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\",\"latest\"]");
        assertThat(node.contentTypes).containsExactly("application/json");
    }

    @Test
    void aNullResultIsANullNodeAndQuantitiesParse() {
        node.result("eth_getTransactionReceipt", "null").result("eth_blockNumber", "\"0x1b4\"");
        assertThat(client.call("eth_getTransactionReceipt", "0x00").isNull()).isTrue();
        assertThat(client.callQuantity("eth_blockNumber")).isEqualTo(BigInteger.valueOf(436));
    }

    @Test
    void aJsonRpcErrorIsOneLineWithItsCode() {
        node.on("eth_sendRawTransaction", request -> FakeNode.Answer.error(request.get("id"), -32000, "nonce too low"));
        assertThatThrownBy(() -> client.call("eth_sendRawTransaction", "0x00"))
                .isInstanceOfSatisfying(RpcError.class, e -> {
                    assertThat(e.code()).isEqualTo(-32000);
                    assertThat(e.errorMessage()).isEqualTo("nonce too low");
                    assertThat(e.method()).isEqualTo("eth_sendRawTransaction");
                })
                .hasMessage("eth_sendRawTransaction failed: nonce too low (-32000)");
        assertThatThrownBy(() -> client.call("no_such_method")).isInstanceOf(RpcError.class)
                .hasMessage("no_such_method failed: method not found (-32601)");
    }

    @Test
    void aJsonRpcErrorWithAnHttpErrorStatusIsStillTheJsonRpcError() {
        node.on("big", request -> new FakeNode.Answer(413, "application/json",
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"request too large\",\"data\":{\"limit\":10}}}"));
        assertThatThrownBy(() -> client.call("big")).isInstanceOfSatisfying(RpcError.class,
                e -> assertThat(e.data()).hasToString("{\"limit\":10}")).hasMessage("big failed: request too large (-32600)");
    }

    @Test
    void anHttpErrorIsOneLine() {
        node.on("eth_blockNumber", request -> new FakeNode.Answer(503, "text/plain", "node is busy\nretry later"));
        assertThatThrownBy(() -> client.call("eth_blockNumber")).isExactlyInstanceOf(UserError.class)
                .hasMessage("eth_blockNumber failed: HTTP 503 from " + node.url() + ": node is busy retry later");
        node.on("eth_blockNumber", request -> new FakeNode.Answer(404, "text/plain", ""));
        assertThatThrownBy(() -> client.call("eth_blockNumber")).hasMessage("eth_blockNumber failed: HTTP 404 from " + node.url());
    }

    @Test
    void anAnswerThatIsNotJsonRpcIsOneLine() {
        node.on("eth_blockNumber", request -> new FakeNode.Answer(200, "text/html", "<html>\n<body>hello</body>\n</html>"));
        assertThatThrownBy(() -> client.call("eth_blockNumber")).isInstanceOf(UserError.class)
                .hasMessage(node.url() + " answered eth_blockNumber with something that is not a JSON-RPC response: <html> <body>hello</body> </html>");
        node.result("eth_blockNumber", "12");
        assertThatThrownBy(() -> client.callQuantity("eth_blockNumber")).isInstanceOf(UserError.class)
                .hasMessage(node.url() + " answered eth_blockNumber with 12, not a quantity");
    }

    @Test
    void nothingListeningIsNoNodeAnswers() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        assertThatThrownBy(() -> RpcClient.of(url).call("eth_blockNumber")).isExactlyInstanceOf(UserError.class)
                .hasMessage("no node answers at " + url);
    }

    @Test
    void aSlowNodeTimesOut() {
        node.on("slow", request -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeNode.Answer.result(request.get("id"), "1");
        });
        RpcClient impatient = new RpcClient(URI.create(node.url()), Duration.ofMillis(300));
        assertThatThrownBy(() -> impatient.call("slow")).isInstanceOf(UserError.class)
                .hasMessage("slow failed: no answer from " + node.url() + " within 300 ms");
    }

    @Test
    void onlyHttpUrlsAreAccepted() {
        assertThatThrownBy(() -> RpcClient.of("ws://127.0.0.1:8545")).isInstanceOf(UserError.class)
                .hasMessage("--rpc ws://127.0.0.1:8545 is not an http:// or https:// URL, e.g. http://127.0.0.1:8545");
        assertThatThrownBy(() -> RpcClient.of("localhost:8545")).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> RpcClient.of("http://exa mple")).isInstanceOf(UserError.class).hasMessageStartingWith("--rpc http://exa mple is not a URL");
    }
}
