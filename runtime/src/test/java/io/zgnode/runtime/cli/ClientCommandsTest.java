package io.zgnode.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.runtime.cli.Cli.Result;

/** {@code zgnode client ...} against a fake node, through Main.run. */
class ClientCommandsTest {

    private FakeNode node;

    @BeforeEach
    void start() throws Exception {
        node = new FakeNode();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void blockNumberPrintsTheNumberInDecimal() {
        node.result("eth_blockNumber", "\"0x1b4\"");
        Result text = Cli.run("client", "block-number", "--rpc", node.url());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).isEqualTo("436\n");
        assertThat(text.err()).isEmpty();

        JsonNode json = Cli.run("client", "block-number", "--rpc", node.url(), "--json").json();
        assertThat(json.toString()).isEqualTo("{\"blockNumber\":436}");
    }

    @Test
    void balancePrintsWeiAndEther() {
        node.result("eth_getBalance", "\"0x14d1120d7b160000\""); // 1.5 ether
        Result text = Cli.run("client", "balance", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", "--rpc", node.url());
        assertThat(text.out()).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266: 1.5 ether (1500000000000000000 wei)\n");
        assertThat(node.requests.get(0).get("params").toString()).isEqualTo("[\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\",\"latest\"]");

        JsonNode json = Cli.run("client", "balance", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "--rpc", node.url(), "--json").json();
        assertThat(json.fieldNames()).toIterable().containsExactly("address", "wei", "ether");
        assertThat(json.get("address").asText()).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        assertThat(json.get("wei").isTextual()).isTrue();
        assertThat(json.get("wei").asText()).isEqualTo("1500000000000000000");
        assertThat(json.get("ether").asText()).isEqualTo("1.5");
    }

    @Test
    void etherIsExactWithoutTrailingZeros() {
        assertThat(BalanceCommand.ether(BigInteger.ZERO)).isEqualTo("0");
        assertThat(BalanceCommand.ether(BigInteger.ONE)).isEqualTo("0.000000000000000001");
        assertThat(BalanceCommand.ether(new BigInteger("1000000000000000000"))).isEqualTo("1");
        assertThat(BalanceCommand.ether(new BigInteger("10000000000000000000000"))).isEqualTo("10000");
        assertThat(BalanceCommand.ether(new BigInteger("123456789012345678901"))).isEqualTo("123.456789012345678901");
    }

    @Test
    void failuresAreOneLineOnStderrAndNothingOnStdoutEvenWithJson() throws Exception {
        node.on("eth_blockNumber", request -> FakeNode.Answer.error(request.get("id"), -32000, "header not found"));
        assertThat(Cli.run("client", "block-number", "--rpc", node.url(), "--json").failure(1))
                .isEqualTo("zgnode: eth_blockNumber failed: header not found (-32000)");

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(Cli.run("client", "balance", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", "--rpc", "http://127.0.0.1:" + port, "--json").failure(1))
                .isEqualTo("zgnode: no node answers at http://127.0.0.1:" + port);
        assertThat(Cli.run("client", "balance", "0x1234", "--rpc", node.url()).failure(1))
                .isEqualTo("zgnode: ADDRESS 0x1234 is not an address (0x and 40 hex digits)");
        assertThat(Cli.run("client", "balance", "--rpc", node.url()).failure(2)).startsWith("zgnode: Missing required parameter: 'ADDRESS'");
        assertThat(Cli.run("client").failure(2)).isEqualTo("zgnode: missing command: give one of block-number, balance, root, upload, download, da-submit, da-get, da-sample (see zgnode client --help)");
    }
}
