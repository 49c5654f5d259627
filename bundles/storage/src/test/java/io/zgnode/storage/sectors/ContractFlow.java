package io.zgnode.storage.sectors;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.storage.FlowEntry;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.ethereum.AbiFunction;
import io.zgnode.ethereum.UnsignedTransaction;
import io.zgnode.ledger.Ledger;
import io.zgnode.ledger.genesis.DevGenesis;
import io.zgnode.ledger.genesis.GenesisReader;
import io.zgnode.storage.flow.FlowContract;
import io.zgnode.storage.flow.FlowLogService;
import io.zgnode.storage.flow.MarketContract;
import io.zgnode.storage.merkle.Submission;
import io.zgnode.storage.merkle.SubmissionNode;

/**
 * A development chain running 0G's Flow and Market contracts as a node runs them, on the store a
 * test gives, driven by hand: each {@link #submit} is a signed {@code Flow.submit} committed in a
 * block of its own. What the flow log and {@code computeFlowRoot} then report is the contract's
 * own view of the flow, which the proofs must match.
 */
final class ContractFlow implements AutoCloseable {

    private static final AbiFunction SUBMIT = AbiFunction.parse("submit(((uint256,bytes,(bytes32,uint256)[]),address))",
            "(uint256,bytes32,uint256,uint256)");
    private static final AbiFunction COMPUTE_FLOW_ROOT = AbiFunction.parse("computeFlowRoot()", "bytes32");
    private static final AbiFunction FLOW_ROOT_BY_TX_SEQ = AbiFunction.parse("getFlowRootByTxSeq(uint256)", "bytes32");
    private static final Address PROPOSER = Address.of("0x00000000000000000000000000000000000000aa");
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);

    private final Ledger ledger;
    private final FlowLogService log;
    private final Address flow;
    private long nonce;
    private long time = 1_000;

    ContractFlow(KeyValueStore store) throws Exception {
        ledger = Ledger.open(GenesisReader.parse(DevGenesis.json(DevGenesis.document(DevGenesis.DEFAULT_CHAIN_ID, List.of(), Map.of()))), store);
        ledger.addContract(new FlowContract(ledger));
        ledger.addContract(new MarketContract(ledger));
        log = new FlowLogService(ledger);
        flow = log.flowAddress();
    }

    FlowLogService log() {
        return log;
    }

    /** Submits and commits; the entry as the contract recorded it. */
    FlowEntry submit(Submission submission) throws Exception {
        List<Object> nodes = new ArrayList<>();
        for (SubmissionNode node : submission.nodes()) {
            nodes.add(List.of(node.root().toArray(), BigInteger.valueOf(node.height())));
        }
        Address sender = Address.of(DevGenesis.key(1).address());
        byte[] call = SUBMIT.encodeCall(List.of(List.of(List.of(BigInteger.valueOf(submission.length()), new byte[0], nodes), sender)));
        BigInteger fee = BigInteger.valueOf(submission.sectors()).multiply(GWEI);
        Transaction transaction = UnsignedTransaction.eip1559(DevGenesis.DEFAULT_CHAIN_ID, nonce++, GWEI, GWEI.multiply(BigInteger.TWO), 3_000_000, flow,
                fee, call, List.of()).sign(DevGenesis.key(1));
        ledger.submit(transaction.raw());
        ledger.commit(ledger.propose(PROPOSER, time++), new byte[0]);
        Receipt receipt = ledger.receipt(transaction.hash()).orElseThrow();
        if (!receipt.success()) {
            throw new AssertionError("Flow.submit reverted: " + receipt);
        }
        return log.entry(log.nextTxSeq() - 1).orElseThrow();
    }

    /** {@code Flow.computeFlowRoot()}, by eth_call. */
    Hash computeFlowRoot() {
        return Hash.of((byte[]) COMPUTE_FLOW_ROOT.decodeResult(ledger.call(PROPOSER, flow, BigInteger.ZERO, COMPUTE_FLOW_ROOT.encodeCall(List.of()),
                1_000_000).output()).get(0));
    }

    /** {@code Flow.getFlowRootByTxSeq(txSeq)}, by eth_call. */
    Hash flowRootAfter(long txSeq) {
        return Hash.of((byte[]) FLOW_ROOT_BY_TX_SEQ.decodeResult(ledger.call(PROPOSER, flow, BigInteger.ZERO,
                FLOW_ROOT_BY_TX_SEQ.encodeCall(List.of(BigInteger.valueOf(txSeq))), 1_000_000).output()).get(0));
    }

    @Override
    public void close() throws InterruptedException {
        ledger.stop();
    }
}
