package io.zgnode.storage.flow;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Chain;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.contract.CallContext;
import io.zgnode.api.contract.ContractFunction;
import io.zgnode.api.contract.NativeContract;
import io.zgnode.api.contract.RevertException;
import io.zgnode.api.storage.FlowEntry;
import io.zgnode.crypto.Keccak256;
import io.zgnode.storage.merkle.Submission;
import io.zgnode.storage.merkle.SubmissionNode;

/**
 * 0G's Flow contract as the official SDK calls it (the ABI of its {@code FixedPriceFlow}):
 * <pre>
 * event Submit(address indexed sender, bytes32 indexed identity, uint256 submissionIndex, uint256 startPos,
 *              uint256 length, SubmissionData submission);
 * function submit(Submission) payable returns (uint256 index, bytes32 digest, uint256 startIndex, uint256 length);
 * function submit(SubmissionData) payable returns (...);        // SDK 0.3.x: no submitter
 * function batchSubmit(Submission[]) payable returns (uint256[], bytes32[], uint256[], uint256[]);
 * function market() view returns (address);
 * function numSubmissions() view returns (uint256);               // also submissionIndex()
 * function getFlowRootByTxSeq(uint256 txSeq) view returns (bytes32);
 * function computeFlowRoot() view returns (bytes32);
 * </pre>
 * A submission must be valid ({@link SubmissionCheck}) and pay at least its sectors times the
 * market's price; as 0G's contract, it keeps any excess: the whole value goes to the Market
 * contract. The entry gets the next txSeq and its place in the flow ({@link FlowTree}); the flow
 * lives in this contract's state ({@link FlowState}). The {@code submitter} (SDK 1.2.8 sends the
 * signer's address) is accepted and not recorded: nothing in the log layer needs it.
 * <p>
 * Not here: 0G's mining context ({@code makeContext}, epochs), pausing and roles.
 */
@Component(service = NativeContract.class)
public class FlowContract implements NativeContract {

    /** What the EVM charges for a 64-byte Keccak-256 (30 + 6 per word), for the hashing the ledger cannot see. */
    private static final long KECCAK_GAS = 42;

    private final StorageGenesis genesis;

    @Activate
    public FlowContract(@Reference Chain chain) {
        this(StorageGenesis.of(chain.genesisParameters(StorageGenesis.MODULE)));
    }

    FlowContract(StorageGenesis genesis) {
        this.genesis = genesis;
    }

    @Override
    public Address address() {
        return genesis.flow();
    }

    @Override
    public String name() {
        return "Flow";
    }

    @ContractFunction(value = "submit(" + FlowAbi.SUBMISSION + ")", returns = FlowAbi.SUBMIT_RESULT, payable = true)
    public FlowAbi.SubmitResult submit(CallContext ctx, FlowAbi.Submission submission) {
        return append(ctx, List.of(submission.data())).get(0);
    }

    @ContractFunction(value = "submit(" + FlowAbi.SUBMISSION_DATA + ")", returns = FlowAbi.SUBMIT_RESULT, payable = true)
    public FlowAbi.SubmitResult submitData(CallContext ctx, FlowAbi.SubmissionData data) {
        return append(ctx, List.of(data)).get(0);
    }

    @ContractFunction(value = "batchSubmit(" + FlowAbi.SUBMISSION + "[])", returns = "(uint256[],bytes32[],uint256[],uint256[])", payable = true)
    public FlowAbi.BatchSubmitResult batchSubmit(CallContext ctx, List<FlowAbi.Submission> submissions) {
        if (submissions.isEmpty()) {
            throw new RevertException("batchSubmit of no submissions");
        }
        return FlowAbi.BatchSubmitResult.of(append(ctx, submissions.stream().map(FlowAbi.Submission::data).toList()));
    }

    @ContractFunction(value = "market()", returns = "address", view = true)
    public Address market(CallContext ctx) {
        return genesis.market();
    }

    @ContractFunction(value = "numSubmissions()", returns = "uint256", view = true)
    public long numSubmissions(CallContext ctx) {
        return new FlowState(ctx.state()::get).nextTxSeq();
    }

    @ContractFunction(value = "submissionIndex()", returns = "uint256", view = true)
    public long submissionIndex(CallContext ctx) {
        return numSubmissions(ctx);
    }

    /** The flow's root right after entry {@code txSeq}; zero for an entry that does not exist, as 0G's mapping answers. */
    @ContractFunction(value = "getFlowRootByTxSeq(uint256)", returns = "bytes32", view = true)
    public Hash flowRootByTxSeq(CallContext ctx, BigInteger txSeq) {
        if (txSeq.bitLength() >= Long.SIZE) {
            return Hash.ZERO;
        }
        return new FlowState(ctx.state()::get).entry(txSeq.longValue()).map(EntryCodec.Stored::flowRoot).orElse(Hash.ZERO);
    }

    /** The flow's current root (0G computes it lazily and so declares this non-view; ours is always current). */
    @ContractFunction(value = "computeFlowRoot()", returns = "bytes32", view = true)
    public Hash computeFlowRoot(CallContext ctx) {
        return new FlowState(ctx.state()::get).flowRoot();
    }

    /** Appends the submissions in order, after checking them all and the fee for them all. */
    private List<FlowAbi.SubmitResult> append(CallContext ctx, List<FlowAbi.SubmissionData> submitted) {
        List<Submission> submissions = submitted.stream().map(SubmissionCheck::validated).toList();
        chargeFee(ctx, submissions);

        FlowState state = new FlowState(ctx.state()::get);
        FlowTree tree = state.tree();
        long txSeq = state.nextTxSeq();
        long hashes = 0;
        List<FlowAbi.SubmitResult> results = new ArrayList<>(submissions.size());
        for (int i = 0; i < submissions.size(); i++) {
            Submission submission = submissions.get(i);
            long start;
            try {
                start = tree.append(submission.nodes());
            } catch (ArithmeticException e) {
                throw new RevertException("the flow is full: " + e.getMessage());
            }
            FlowEntry entry = new FlowEntry(txSeq, submission.root(), submission.length(), start, submission.sectors(),
                    submission.nodes().stream().map(n -> new FlowEntry.Node(n.root(), n.height())).toList(), submission.tags(), ctx.caller(),
                    ctx.blockNumber(), ctx.transactionHash());
            state.putEntry(ctx.state(), entry, tree.root());
            Hash digest = digest(submission);
            hashes += submission.nodes().size();
            ctx.emit(FlowAbi.SUBMIT, ctx.caller(), digest.toArray(), txSeq, start, submission.sectors(), FlowAbi.eventValue(submitted.get(i)));
            results.add(new FlowAbi.SubmitResult(txSeq, digest, start, submission.sectors()));
            txSeq++;
        }
        state.putTree(ctx.state(), tree);
        ctx.chargeGas(KECCAK_GAS * (hashes + tree.hashes()));
        if (ctx.value().signum() > 0) {
            ctx.transfer(genesis.market(), ctx.value());
        }
        return results;
    }

    private void chargeFee(CallContext ctx, List<Submission> submissions) {
        BigInteger sectors = BigInteger.ZERO;
        for (Submission submission : submissions) {
            sectors = sectors.add(BigInteger.valueOf(submission.sectors()));
        }
        BigInteger fee = sectors.multiply(genesis.pricePerSector());
        if (ctx.value().compareTo(fee) < 0) {
            throw new RevertException("Not enough fee: " + sectors + " sectors at " + genesis.pricePerSector() + " wei cost " + fee
                    + " wei, the transaction sent " + ctx.value());
        }
    }

    /** 0G's submission digest, the event's {@code identity}: Keccak-256 of the node roots one after another. */
    private static Hash digest(Submission submission) {
        Keccak256.Hasher hasher = new Keccak256.Hasher();
        for (SubmissionNode node : submission.nodes()) {
            hasher.update(node.root().toArray());
        }
        return Hash.of(hasher.digest());
    }
}
