package io.zgnode.storage.flow;

import static io.zgnode.storage.flow.FlowChain.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Log;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.storage.FlowEntry;
import io.zgnode.crypto.Keccak256;
import io.zgnode.ethereum.AbiEvent;
import io.zgnode.ethereum.AbiFunction;
import io.zgnode.ethereum.RevertReason;
import io.zgnode.ledger.execution.CallResult;
import io.zgnode.storage.merkle.FileMerkle;
import io.zgnode.storage.merkle.FileTree;
import io.zgnode.storage.merkle.Submission;
import io.zgnode.storage.merkle.SubmissionNode;

class FlowContractTest {

    // Selectors and the event topic as the official SDK 1.2.8 has them: read from
    // @0gfoundation/0g-ts-sdk@1.2.8 lib.commonjs/contracts/flow (FixedPriceFlow__factory) and
    // contracts/market (FixedPrice__factory) with ethers 6.13.1's Interface (selector, topicHash).
    private static final String SDK_SUBMIT_SELECTOR = "bc8c11f8";
    private static final String SDK_LEGACY_SUBMIT_SELECTOR = "ef3e12dc";
    private static final String SDK_BATCH_SUBMIT_SELECTOR = "49aa3395";
    private static final String SDK_MARKET_SELECTOR = "80f55605";
    private static final String SDK_PRICE_PER_SECTOR_SELECTOR = "61ec5082";
    private static final Hash SDK_SUBMIT_TOPIC = Hash.of("0x167ce04d2aa1981994d3a31695da0d785373335b1078cec239a1a3a2c7675555");

    private static final String DATA = "(uint256,bytes,(bytes32,uint256)[])";
    private static final AbiFunction SUBMIT = AbiFunction.parse("submit((" + DATA + ",address))", "(uint256,bytes32,uint256,uint256)");
    private static final AbiFunction LEGACY_SUBMIT = AbiFunction.parse("submit(" + DATA + ")", "(uint256,bytes32,uint256,uint256)");
    private static final AbiFunction BATCH_SUBMIT = AbiFunction.parse("batchSubmit((" + DATA + ",address)[])",
            "(uint256[],bytes32[],uint256[],uint256[])");
    private static final AbiFunction MARKET = AbiFunction.parse("market()", "address");
    private static final AbiFunction NUM_SUBMISSIONS = AbiFunction.parse("numSubmissions()", "uint256");
    private static final AbiFunction FLOW_ROOT_BY_TX_SEQ = AbiFunction.parse("getFlowRootByTxSeq(uint256)", "bytes32");
    private static final AbiFunction COMPUTE_FLOW_ROOT = AbiFunction.parse("computeFlowRoot()", "bytes32");
    private static final AbiFunction PRICE_PER_SECTOR = AbiFunction.parse("pricePerSector()", "uint256");
    private static final AbiFunction FLOW = AbiFunction.parse("flow()", "address");
    private static final AbiEvent SUBMIT_EVENT = AbiEvent.parse(FlowAbi.SUBMIT.declaration());

    @TempDir
    Path dir;

    private FlowChain chain;

    @BeforeEach
    void open() throws Exception {
        chain = new FlowChain(dir, Map.of());
    }

    @AfterEach
    void close() throws Exception {
        chain.close();
    }

    @Test
    void theAbiIsTheSdks() {
        assertThat(HexFormat.of().formatHex(SUBMIT.selector())).isEqualTo(SDK_SUBMIT_SELECTOR);
        assertThat(HexFormat.of().formatHex(LEGACY_SUBMIT.selector())).isEqualTo(SDK_LEGACY_SUBMIT_SELECTOR);
        assertThat(HexFormat.of().formatHex(BATCH_SUBMIT.selector())).isEqualTo(SDK_BATCH_SUBMIT_SELECTOR);
        assertThat(HexFormat.of().formatHex(MARKET.selector())).isEqualTo(SDK_MARKET_SELECTOR);
        assertThat(HexFormat.of().formatHex(PRICE_PER_SECTOR.selector())).isEqualTo(SDK_PRICE_PER_SECTOR_SELECTOR);
        assertThat(SUBMIT_EVENT.topic0()).isEqualTo(SDK_SUBMIT_TOPIC);
    }

    @Test
    void aValidSubmissionBecomesEntryZeroWithTheEventTheSdkReads() throws Exception {
        BlockingQueue<List<FlowEntry>> heard = listen();
        FileTree file = file(5_000, 1);
        Submission submission = file.submission();
        BigInteger fee = fee(submission);

        Receipt receipt = chain.execute(1, chain.storage.flow(), fee, submitCall(submission, new byte[] {7}));

        assertThat(receipt.success()).as("reverted: %s", RevertReason.decode(receipt.revertData())).isTrue();
        assertThat(receipt.logs()).hasSize(1);
        Log log = receipt.logs().get(0);
        assertThat(log.address()).isEqualTo(chain.storage.flow());
        assertThat(log.topics().get(0)).isEqualTo(SDK_SUBMIT_TOPIC);
        List<Object> event = SUBMIT_EVENT.decode(log);
        assertThat(event.get(0)).as("sender").isEqualTo(account(1));
        assertThat(Hash.of((byte[]) event.get(1))).as("identity: keccak of the node roots").isEqualTo(Hash.of(Keccak256.hash(concatRoots(submission))));
        assertThat(event.get(2)).as("submissionIndex, the txSeq").isEqualTo(BigInteger.ZERO);
        // 20 chunks pad to 20 sectors, nodes of heights 4 and 2: the first starts at the next multiple of 16 after sector 0
        assertThat(submission.nodes()).extracting(SubmissionNode::height).containsExactly(4, 2);
        assertThat(event.get(3)).as("startPos").isEqualTo(BigInteger.valueOf(16));
        assertThat(event.get(4)).as("length in sectors").isEqualTo(BigInteger.valueOf(20));
        assertThat(event.get(5)).as("the submission data as sent").usingRecursiveComparison().isEqualTo(dataValue(submission, new byte[] {7}));

        FlowEntry entry = chain.flowLog.entry(0).orElseThrow();
        assertThat(entry.txSeq()).isZero();
        assertThat(entry.root()).isEqualTo(file.root());
        assertThat(entry.size()).isEqualTo(5_000);
        assertThat(entry.startPosition()).isEqualTo(16);
        assertThat(entry.length()).isEqualTo(20);
        assertThat(entry.nodes()).extracting(FlowEntry.Node::height).containsExactly(4, 2);
        assertThat(entry.nodes()).extracting(FlowEntry.Node::root).containsExactlyElementsOf(submission.nodes().stream().map(SubmissionNode::root).toList());
        assertThat(entry.tags()).containsExactly(7);
        assertThat(entry.sender()).isEqualTo(account(1));
        assertThat(entry.blockNumber()).isEqualTo(receipt.blockNumber());
        assertThat(entry.transactionHash()).isEqualTo(receipt.transactionHash());
        assertThat(chain.flowLog.nextTxSeq()).isEqualTo(1);
        assertThat(chain.flowLog.flowLength()).isEqualTo(36);
        assertThat(chain.flowLog.entriesByRoot(file.root())).containsExactly(entry);
        assertThat(chain.ledger.balance(chain.storage.market())).as("the fee went to the market").isEqualTo(fee);
        assertThat(chain.ledger.balance(chain.storage.flow())).isZero();
        assertThat(heard.poll(10, TimeUnit.SECONDS)).as("listeners are told after the commit").containsExactly(entry);
    }

    @Test
    void aFailingListenerDoesNotKeepTheOthersFromHearing() throws Exception {
        chain.flowLog.addListener(entries -> {
            throw new IllegalStateException("a broken listener");
        });
        BlockingQueue<List<FlowEntry>> heard = listen();
        Submission first = file(1_000, 12).submission();
        Submission second = file(2_000, 13).submission();
        chain.send(1, chain.storage.flow(), fee(first), submitCall(first, new byte[0]));
        chain.send(2, chain.storage.flow(), fee(second), submitCall(second, new byte[0]));
        chain.produce();
        assertThat(heard.poll(10, TimeUnit.SECONDS)).as("one call for the block, in txSeq order").extracting(FlowEntry::txSeq).containsExactly(0L, 1L);
        chain.produce();
        assertThat(heard.poll(500, TimeUnit.MILLISECONDS)).as("a block without entries is not announced").isNull();
    }

    @Test
    void entriesGetConsecutiveTxSeqsAndARootMaySubmitTwice() throws Exception {
        FileTree a = file(300_000, 2);
        FileTree b = file(256, 3);
        chain.send(1, chain.storage.flow(), fee(a.submission()), submitCall(a.submission(), new byte[0]));
        chain.send(2, chain.storage.flow(), fee(b.submission()), submitCall(b.submission(), new byte[0]));
        chain.send(1, chain.storage.flow(), fee(a.submission()), submitCall(a.submission(), new byte[0]));
        chain.produce();

        assertThat(chain.flowLog.nextTxSeq()).isEqualTo(3);
        List<FlowEntry> entries = chain.flowLog.entries(0, 10);
        assertThat(entries).extracting(FlowEntry::txSeq).containsExactly(0L, 1L, 2L);
        assertThat(entries).extracting(FlowEntry::root).containsExactly(a.root(), b.root(), a.root());
        // 1172 chunks pad to 1280 = 1024 + 256 sectors: the first at sector 1024 (aligned to its height, 10);
        // then one sector right after; then the same file again, at the next multiple of 1024
        assertThat(entries).extracting(FlowEntry::startPosition).containsExactly(1024L, 2304L, 3072L);
        assertThat(chain.flowLog.entriesByRoot(a.root())).extracting(FlowEntry::txSeq).containsExactly(0L, 2L);
        assertThat(chain.flowLog.entriesByRoot(Hash.ZERO)).isEmpty();
        assertThat(chain.flowLog.entries(2, 10)).extracting(FlowEntry::txSeq).containsExactly(2L);
        assertThat(chain.flowLog.entries(3, 10)).isEmpty();
        assertThat(chain.flowLog.entries(0, 2)).extracting(FlowEntry::txSeq).containsExactly(0L, 1L);
        assertThat(chain.flowLog.entries(Long.MAX_VALUE, Integer.MAX_VALUE)).isEmpty();
        assertThatThrownBy(() -> chain.flowLog.entries(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chain.flowLog.entries(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(chain.flowLog.entry(3)).isEmpty();
        assertThat(view(NUM_SUBMISSIONS)).isEqualTo(BigInteger.valueOf(3));
    }

    @Test
    void tooLittleValueRevertsAndChangesNothing() throws Exception {
        Submission submission = file(5_000, 4).submission();
        CallResult simulated = chain.call(chain.storage.flow(), fee(submission).subtract(BigInteger.ONE), submitCall(submission, new byte[0]));
        assertThat(simulated.success()).isFalse();
        assertThat(RevertReason.decode(simulated.output())).contains(
                "Not enough fee: 20 sectors at 1000000000 wei cost 20000000000 wei, the transaction sent 19999999999");

        Receipt receipt = chain.execute(1, chain.storage.flow(), fee(submission).subtract(BigInteger.ONE), submitCall(submission, new byte[0]));

        assertThat(receipt.success()).isFalse();
        assertThat(RevertReason.decode(receipt.revertData()).orElseThrow()).startsWith("Not enough fee");
        assertThat(receipt.logs()).isEmpty();
        assertThat(chain.flowLog.nextTxSeq()).isZero();
        assertThat(chain.flowLog.flowRoot()).isEqualTo(Hash.ZERO);
        assertThat(chain.flowLog.flowLength()).isEqualTo(1);
        assertThat(chain.ledger.balance(chain.storage.market())).isZero();
        assertThat(chain.ledger.balance(chain.storage.flow())).isZero();
        assertThat(chain.ledger.contractStorage(chain.storage.flow(), new byte[] {'l'})).as("the flow's state is untouched").isEmpty();
    }

    @Test
    void moreThanTheFeeIsAcceptedAndKeptAs0GKeepsIt() throws Exception {
        Submission submission = file(100, 5).submission();
        BigInteger paid = fee(submission).add(BigInteger.valueOf(12_345));
        Receipt receipt = chain.execute(1, chain.storage.flow(), paid, submitCall(submission, new byte[0]));
        assertThat(receipt.success()).isTrue();
        assertThat(chain.ledger.balance(chain.storage.market())).isEqualTo(paid);
    }

    @Test
    void invalidSubmissionsRevertWithAReasonAndChangeNothing() throws Exception {
        Hash root = Hash.of(Keccak256.hash(new byte[] {1}));
        assertInvalid(data(5_000, node(root, 2), node(root, 4)), "heights must strictly decrease");
        assertInvalid(data(256, node(root, 4)), "need exactly these nodes");
        assertInvalid(data(5_000 + 256, node(root, 4), node(root, 2)), "need exactly these nodes");
        assertInvalid(data(100), "it has no nodes");
        assertInvalid(data(100, node(root, 64)), "node height 64 is above 63");
        assertInvalid(List.of(BigInteger.ONE.shiftLeft(70), new byte[0], List.of(List.of(root.toArray(), BigInteger.valueOf(60)))),
                "is beyond any file the flow can hold");
        assertInvalid(data((4L << 30) + 1, node(root, 25), node(root, 0)), "is over the 4294967296 bytes (4 GiB) one entry holds");

        Submission valid = file(5_000, 6).submission();
        Receipt receipt = chain.execute(1, chain.storage.flow(), BigInteger.TEN.pow(18),
                submitCall(data(5_000, node(root, 2), node(root, 4))));
        assertThat(receipt.success()).isFalse();
        assertThat(RevertReason.decode(receipt.revertData()).orElseThrow()).startsWith("Invalid submission: node heights [2, 4]");
        assertThat(chain.flowLog.nextTxSeq()).isZero();
        assertThat(chain.ledger.balance(chain.storage.market())).isZero();
        assertThat(chain.execute(1, chain.storage.flow(), fee(valid), submitCall(valid, new byte[0])).success())
                .as("the next valid one is entry 0").isTrue();
        assertThat(chain.flowLog.entry(0).orElseThrow().root()).isEqualTo(valid.root());
    }

    @Test
    void batchSubmitAppendsInOrderAndPaysForAll() throws Exception {
        Submission a = file(1_000, 7).submission();
        Submission b = file(70_000, 8).submission();
        byte[] call = BATCH_SUBMIT.encodeCall(List.of(List.of(List.of(dataValue(a, new byte[0]), account(1)), List.of(dataValue(b, new byte[0]), account(1)))));

        Receipt tooLittle = chain.execute(1, chain.storage.flow(), fee(a), call);
        assertThat(tooLittle.success()).isFalse();

        Receipt receipt = chain.execute(1, chain.storage.flow(), fee(a).add(fee(b)), call);
        assertThat(receipt.success()).isTrue();
        assertThat(receipt.logs()).hasSize(2);
        assertThat(receipt.logs()).extracting(log -> SUBMIT_EVENT.decode(log).get(2)).containsExactly(BigInteger.ZERO, BigInteger.ONE);
        assertThat(chain.flowLog.entries(0, 10)).extracting(FlowEntry::root).containsExactly(a.root(), b.root());
    }

    @Test
    void theOlderSdksSubmitWithoutSubmitterWorksToo() throws Exception {
        Submission submission = file(1_000, 9).submission();
        Receipt receipt = chain.execute(3, chain.storage.flow(), fee(submission), LEGACY_SUBMIT.encodeCall(List.of(dataValue(submission, new byte[0]))));
        assertThat(receipt.success()).isTrue();
        assertThat(chain.flowLog.entry(0).orElseThrow().sender()).isEqualTo(account(3));
    }

    @Test
    void viewsAnswerAsTheSdkAsks() throws Exception {
        assertThat(view(MARKET)).isEqualTo(StorageGenesis.DEFAULT_MARKET);
        assertThat(chain.call(chain.storage.market(), BigInteger.ZERO, PRICE_PER_SECTOR.encodeCall(List.of())).output())
                .isEqualTo(PRICE_PER_SECTOR.encodeResult(List.of(StorageGenesis.DEFAULT_PRICE_PER_SECTOR)));
        assertThat(FLOW.decodeResult(chain.call(chain.storage.market(), BigInteger.ZERO, FLOW.encodeCall(List.of())).output()))
                .containsExactly(StorageGenesis.DEFAULT_FLOW);
        assertThat(view(NUM_SUBMISSIONS)).isEqualTo(BigInteger.ZERO);
        assertThat(view(COMPUTE_FLOW_ROOT)).isEqualTo(new byte[32]);

        Submission submission = file(5_000, 10).submission();
        chain.execute(1, chain.storage.flow(), fee(submission), submitCall(submission, new byte[0]));

        Hash flowRoot = chain.flowLog.flowRoot();
        assertThat(flowRoot).isNotEqualTo(Hash.ZERO);
        assertThat(view(COMPUTE_FLOW_ROOT)).isEqualTo(flowRoot.toArray());
        assertThat(view(FLOW_ROOT_BY_TX_SEQ, BigInteger.ZERO)).isEqualTo(flowRoot.toArray());
        assertThat(view(FLOW_ROOT_BY_TX_SEQ, BigInteger.ONE)).as("no such entry").isEqualTo(new byte[32]);
        assertThat(view(FLOW_ROOT_BY_TX_SEQ, BigInteger.ONE.shiftLeft(200))).isEqualTo(new byte[32]);
    }

    @Test
    void theGenesisSetsAddressesAndPrice(@TempDir Path other) throws Exception {
        Address flow = Address.of("0x00000000000000000000000000000000000f1000");
        Address market = Address.of("0x00000000000000000000000000000000000f2000");
        try (FlowChain custom = new FlowChain(other, Map.of("flow", flow.toString(), "market", market.toString(), "pricePerSector", "7"))) {
            Submission submission = file(5_000, 11).submission();
            Receipt receipt = custom.execute(1, flow, BigInteger.valueOf(7 * 20), submitCall(submission, new byte[0]));
            assertThat(receipt.success()).isTrue();
            assertThat(custom.ledger.balance(market)).isEqualTo(140);
            assertThat(custom.flowLog.flowAddress()).isEqualTo(flow);
            assertThat(custom.ledger.contracts().names()).containsEntry(flow, "Flow").containsEntry(market, "Market");
        }
    }

    private void assertInvalid(Object data, String reason) {
        CallResult result = chain.call(chain.storage.flow(), BigInteger.TEN.pow(18), submitCall(data));
        assertThat(result.success()).isFalse();
        assertThat(RevertReason.decode(result.output()).orElseThrow()).startsWith("Invalid submission").contains(reason);
    }

    private BlockingQueue<List<FlowEntry>> listen() {
        BlockingQueue<List<FlowEntry>> heard = new LinkedBlockingQueue<>();
        chain.flowLog.addListener(heard::add);
        return heard;
    }

    private Object view(AbiFunction function, Object... arguments) {
        CallResult result = chain.call(chain.storage.flow(), BigInteger.ZERO, function.encodeCall(List.of(arguments)));
        assertThat(result.success()).as("reverted: %s", RevertReason.decode(result.output())).isTrue();
        return function.decodeResult(result.output()).get(0);
    }

    private BigInteger fee(Submission submission) {
        return chain.storage.pricePerSector().multiply(BigInteger.valueOf(submission.sectors()));
    }

    private static byte[] submitCall(Submission submission, byte[] tags) {
        return submitCall(dataValue(submission, tags));
    }

    private static byte[] submitCall(Object data) {
        return SUBMIT.encodeCall(List.of(List.of(data, account(1))));
    }

    /** The submission as the ABI's generic value, as the SDK encodes it. */
    private static List<Object> dataValue(Submission submission, byte[] tags) {
        List<Object> nodes = new ArrayList<>();
        for (SubmissionNode node : submission.nodes()) {
            nodes.add(node(node.root(), node.height()));
        }
        return List.of(BigInteger.valueOf(submission.length()), tags, nodes);
    }

    private static List<Object> data(long length, Object... nodes) {
        return List.of(BigInteger.valueOf(length), new byte[0], List.of(nodes));
    }

    private static List<Object> node(Hash root, int height) {
        return List.of(root.toArray(), BigInteger.valueOf(height));
    }

    private static byte[] concatRoots(Submission submission) {
        byte[] roots = new byte[32 * submission.nodes().size()];
        for (int i = 0; i < submission.nodes().size(); i++) {
            System.arraycopy(submission.nodes().get(i).root().toArray(), 0, roots, 32 * i, 32);
        }
        return roots;
    }

    private static FileTree file(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return FileMerkle.sequential().of(bytes);
    }
}
