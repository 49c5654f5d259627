package io.zgnode.itests.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.Transfer;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.itests.harness.NodeProcess;
import io.zgnode.itests.harness.NodeScripts;

/**
 * Clients nobody here wrote, unmodified, against a development chain (solo consensus, 250 ms
 * blocks): web3j from Java, ethers v6 from Node.js.
 */
class ChainClientsTest {

    private static final Duration START = Duration.ofSeconds(90);
    private static final String DEV_KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static final String GREETER = "0x000000000000000000000000000000000000e0e0";

    @TempDir
    static Path dir;

    private static NodeProcess node;
    private static String url;

    @BeforeAll
    static void startNode() throws Exception {
        int port = NodeProcess.freePort();
        node = NodeProcess.start(dir.resolve("node.txt"), "start", "--features", "core,solo,example", "--dev", "--data", dir.resolve("node").toString(),
                "--rpc-port", Integer.toString(port), "--set", "io.zgnode.consensus.solo.intervalMillis=250", "--nointeractive");
        node.awaitRpc(port, START);
        url = "http://127.0.0.1:" + port + "/";
        node.awaitMethod("eth_chainId", START);
    }

    @AfterAll
    static void stopNode() throws Exception {
        if (node != null) {
            node.stop(Duration.ofSeconds(30));
            node.close();
        }
    }

    @Test
    void web3jSendsATransferAndReadsBalancesReceiptsAndBlocks() throws Exception {
        Web3j web3j = Web3j.build(new HttpService(url));
        try {
            assertThat(web3j.ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(31337));
            Credentials credentials = Credentials.create(DEV_KEY_0);
            String recipient = "0x" + "5".repeat(40);
            // chain id given, as replay protection (EIP-155) requires
            Transfer transfer = new Transfer(web3j, new RawTransactionManager(web3j, credentials, 31337));
            TransactionReceipt receipt = transfer.sendFunds(recipient, new BigDecimal("2.5"), Convert.Unit.ETHER).send();
            assertThat(receipt.isStatusOK()).isTrue();
            assertThat(receipt.getFrom()).isEqualToIgnoringCase(credentials.getAddress());
            assertThat(web3j.ethGetBalance(recipient, DefaultBlockParameterName.LATEST).send().getBalance())
                    .isEqualTo(Convert.toWei("2.5", Convert.Unit.ETHER).toBigIntegerExact());

            EthBlock.Block block = web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(receipt.getBlockNumber()), true).send().getBlock();
            assertThat(block.getHash()).isEqualTo(receipt.getBlockHash());
            assertThat(block.getTransactions()).anySatisfy(tx -> assertThat(((EthBlock.TransactionObject) tx).getHash()).isEqualTo(receipt.getTransactionHash()));
            assertThat(web3j.ethGetTransactionByHash(receipt.getTransactionHash()).send().getTransaction().orElseThrow().getValue())
                    .isEqualTo(Convert.toWei("2.5", Convert.Unit.ETHER).toBigIntegerExact());

            // an EIP-1559 transaction signed by web3j itself
            BigInteger nonce = web3j.ethGetTransactionCount(credentials.getAddress(), DefaultBlockParameterName.PENDING).send().getTransactionCount();
            RawTransaction raw = RawTransaction.createEtherTransaction(31337, nonce, BigInteger.valueOf(21_000), recipient, BigInteger.ONE,
                    Convert.toWei("1", Convert.Unit.GWEI).toBigIntegerExact(), Convert.toWei("3", Convert.Unit.GWEI).toBigIntegerExact());
            EthSendTransaction sent = web3j.ethSendRawTransaction(Numeric.toHexString(TransactionEncoder.signMessage(raw, 31337, credentials))).send();
            assertThat(sent.hasError()).as("error: %s", sent.getError() == null ? null : sent.getError().getMessage()).isFalse();
            TransactionReceipt second = awaitReceipt(web3j, sent.getTransactionHash());
            assertThat(second.isStatusOK()).isTrue();
            assertThat(second.getType()).isEqualTo("0x2");
        } finally {
            web3j.shutdown();
        }
    }

    @Test
    void ethersSendsEveryTransactionTypeCallsANativeContractAndHearsItsEvents() throws Exception {
        JsonNode result = NodeScripts.run("ethers-chain.mjs", Duration.ofMinutes(3), url, GREETER);
        assertThat(result.get("ok").asBoolean()).as("ethers: %s", result).isTrue();
        assertThat(result.get("recipientBalance").asText()).isEqualTo("2.0");
        assertThat(result.get("greeter").get("event").get("greeting").asText()).isEqualTo("hello from ethers");
    }

    @Test
    void aRejectedTransactionIsAClearJsonRpcError() throws Exception {
        JsonNode response = node.call("eth_sendRawTransaction", "0xf8");
        assertThat(response.get("error").get("code").asInt()).isEqualTo(-32000);
        assertThat(response.get("error").get("message").asText()).startsWith("malformed");
        JsonNode creation = node.call("eth_call", java.util.Map.of("data", "0x60"), "latest");
        assertThat(creation.get("error").get("message").asText()).contains("contract creation is not supported");
    }

    private static TransactionReceipt awaitReceipt(Web3j web3j, String hash) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var receipt = web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
            if (receipt.isPresent()) {
                return receipt.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no receipt for " + hash);
    }
}
