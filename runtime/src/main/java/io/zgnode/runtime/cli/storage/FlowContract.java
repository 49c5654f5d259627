package io.zgnode.runtime.cli.storage;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Log;
import io.zgnode.crypto.Hex;
import io.zgnode.ethereum.AbiEvent;
import io.zgnode.ethereum.AbiException;
import io.zgnode.ethereum.AbiFunction;
import io.zgnode.runtime.UserError;
import io.zgnode.runtime.cli.RpcClient;
import io.zgnode.runtime.cli.Transactions;
import io.zgnode.storage.merkle.Submission;
import io.zgnode.storage.merkle.SubmissionNode;

/**
 * 0G's Flow contract as a storage client uses it, with the ABI the official SDK 1.2.8 calls: the
 * fee of a submission (sectors x {@code Market.pricePerSector()}, the market found by
 * {@code Flow.market()}), {@code submit}, and the txSeq from the {@code Submit} event of its receipt.
 */
public final class FlowContract {

    static final AbiFunction SUBMIT = AbiFunction.parse("submit(((uint256,bytes,(bytes32,uint256)[]),address))", "(uint256,bytes32,uint256,uint256)");
    static final AbiFunction MARKET = AbiFunction.parse("market()", "address");
    static final AbiFunction PRICE_PER_SECTOR = AbiFunction.parse("pricePerSector()", "uint256");
    static final AbiEvent SUBMIT_EVENT = AbiEvent.parse("Submit(address indexed sender, bytes32 indexed identity, uint256 submissionIndex,"
            + " uint256 startPos, uint256 length, (uint256 length, bytes tags, (bytes32 root, uint256 height)[] nodes) submission)");

    /** A submission included in a block: its transaction, and the flow entry it made. */
    public record Submitted(Hash transactionHash, long txSeq, long startPosition) {
    }

    private final RpcClient rpc;
    private final Address flow;

    public FlowContract(RpcClient rpc, Address flow) {
        this.rpc = rpc;
        this.flow = flow;
    }

    public Address address() {
        return flow;
    }

    /** What the SDK pays for a submission: 2^height sectors per node, each at the market's price. */
    public static BigInteger fee(Submission submission, BigInteger pricePerSector) {
        return BigInteger.valueOf(submission.sectors()).multiply(pricePerSector);
    }

    /** The market's price of one 256-byte sector, in wei. */
    public BigInteger pricePerSector() {
        Address market = (Address) call(flow, MARKET);
        return (BigInteger) call(market, PRICE_PER_SECTOR);
    }

    /**
     * Submits the file's entry paying {@link #fee}, waits for the block, and reads the entry from
     * the receipt.
     *
     * @throws UserError when the submission would revert or did (with the contract's reason), or
     *     the receipt has no Submit event of this contract
     */
    public Submitted submit(Transactions transactions, Submission submission, Duration timeout) throws InterruptedException {
        BigInteger fee = fee(submission, pricePerSector());
        Transactions.Call call = new Transactions.Call("Flow.submit", flow, fee, calldata(submission, transactions.sender()));
        Transactions.Receipt receipt = transactions.execute(call, timeout);
        return submitted(receipt);
    }

    /** The calldata of {@code submit(Submission)}, with the submitter the SDK names: the sender. */
    static byte[] calldata(Submission submission, Address submitter) {
        List<Object> nodes = new ArrayList<>();
        for (SubmissionNode node : submission.nodes()) {
            nodes.add(List.of(node.root().toArray(), BigInteger.valueOf(node.height())));
        }
        List<Object> data = List.of(BigInteger.valueOf(submission.length()), submission.tags(), nodes);
        return SUBMIT.encodeCall(List.of(List.of(data, submitter)));
    }

    /** The entry in the Submit event that this contract logged in {@code receipt}. */
    Submitted submitted(Transactions.Receipt receipt) {
        for (Log log : receipt.logs()) {
            if (log.address().equals(flow) && SUBMIT_EVENT.matches(log)) {
                try {
                    List<Object> values = SUBMIT_EVENT.decode(log);
                    return new Submitted(receipt.transactionHash(), ((BigInteger) values.get(2)).longValueExact(),
                            ((BigInteger) values.get(3)).longValueExact());
                } catch (AbiException | ArithmeticException e) {
                    throw new UserError("the Submit event in transaction " + receipt.transactionHash() + " is malformed: " + e.getMessage());
                }
            }
        }
        throw new UserError("transaction " + receipt.transactionHash() + " succeeded but has no Submit event of the Flow contract at " + flow
                + ": is that the Flow contract?");
    }

    private Object call(Address contract, AbiFunction function) {
        String method = "eth_call";
        String answer = rpc.call(method, Map.of("to", contract.toString(), "data", Hex.encode(function.encodeCall(List.of()))), "latest").asText();
        try {
            return function.decodeResult(Hex.decode(answer)).get(0);
        } catch (IllegalArgumentException e) {
            throw new UserError(rpc.url() + " answered " + function.name() + "() of " + contract + " with " + answer + ", not a " + function.returns().get(0)
                    + ": is the storage contract there?");
        }
    }
}
