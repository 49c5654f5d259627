package io.zgnode.itests.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
 * blocks): web3j from Java, ethers v6 from Node.js, and the official 0G SDK's own bindings of the
 * storage Flow and Market contracts.
 */
class ChainClientsTest {

    private static final Duration START = Duration.ofSeconds(90);
    private static final String DEV_KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static final String GREETER = "0x000000000000000000000000000000000000e0e0";
    /** The storage contracts where a genesis without a storage section puts them (README, genesis). */
    private static final String FLOW = "0x0000000000000000000000000000000000000f10";
    private static final String MARKET = "0x0000000000000000000000000000000000000f11";
    /** Development account 2, the 0G SDK script's signer. */
    private static final String DEV_ACCOUNT_2 = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

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
    void theNodeListsTheStorageContracts() throws Exception {
        JsonNode contracts = node.call("zg_nativeContracts").get("result");
        assertThat(contracts.get("Flow").asText()).isEqualTo(FLOW);
        assertThat(contracts.get("Market").asText()).isEqualTo(MARKET);
    }

    /**
     * The 0G SDK (1.2.8, with ethers 6.13.1) finds the market and the price, pays the fee it
     * computes, and reads the txSeq from the Submit log with its own parser; no storage node takes part.
     */
    @Test
    void the0gSdksFlowBindingSubmitsPaysAndFindsItsTxSeq() throws Exception {
        JsonNode result = NodeScripts.run("zg-flow.mjs", Duration.ofMinutes(2), url, FLOW);

        assertThat(result.get("ok").asBoolean()).as("0G SDK: %s", result).isTrue();
        assertThat(result.get("market").asText()).isEqualTo(MARKET);
        assertThat(result.get("pricePerSector").asText()).isEqualTo("1000000000");
        assertThat(result.get("fee").asText()).as("22 sectors").isEqualTo("22000000000");
        assertThat(ints(result.get("heights"))).containsExactly(4, 2, 1);
        assertThat(ints(result.get("txSeqs"))).as("the SDK's own parsing of the first receipt").containsExactly(0);
        assertThat(ints(result.get("againTxSeqs"))).as("the same file again").containsExactly(1);
        JsonNode event = result.get("event");
        assertThat(event.get("sender").asText()).isEqualTo(DEV_ACCOUNT_2);
        assertThat(event.get("identity").asText()).isEqualTo(event.get("identityExpected").asText());
        assertThat(event.get("submissionIndex").asInt()).isZero();
        assertThat(event.get("startPos").asInt()).as("aligned to its first node, 2^4").isEqualTo(16);
        assertThat(event.get("length").asInt()).isEqualTo(22);
        assertThat(event.get("submissionLength").asInt()).isEqualTo(5400);
        assertThat(result.get("underpaid").asText()).startsWith("Not enough fee: 22 sectors");
    }

    @Test
    void aRejectedTransactionIsAClearJsonRpcError() throws Exception {
        JsonNode response = node.call("eth_sendRawTransaction", "0xf8");
        assertThat(response.get("error").get("code").asInt()).isEqualTo(-32000);
        assertThat(response.get("error").get("message").asText()).startsWith("malformed");
        JsonNode creation = node.call("eth_call", java.util.Map.of("data", "0x60"), "latest");
        assertThat(creation.get("error").get("message").asText()).contains("contract creation is not supported");
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asInt()));
        return values;
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
