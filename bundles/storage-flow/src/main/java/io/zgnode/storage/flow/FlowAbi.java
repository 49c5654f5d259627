package io.zgnode.storage.flow;

import java.math.BigInteger;
import java.util.List;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.contract.ContractEvent;
import io.zgnode.ethereum.AbiBinding;
import io.zgnode.ethereum.AbiType;

/**
 * The Flow contract's ABI as the official SDK 1.2.8 encodes it (its {@code FixedPriceFlow}
 * binding, generated from 0G's contracts), with the tuples as records. Integers stay
 * {@code BigInteger} here so that out-of-range values reach the validity check, which refuses them
 * with a reason, instead of failing the decoding.
 */
public final class FlowAbi {

    /** {@code SubmissionData}: the file's length in bytes, its tags, its nodes. */
    static final String SUBMISSION_DATA = "(uint256,bytes,(bytes32,uint256)[])";
    /** {@code Submission} of SDK 1.2.8: the data and who submits it. */
    static final String SUBMISSION = "(" + SUBMISSION_DATA + ",address)";
    static final String SUBMIT_RESULT = "(uint256,bytes32,uint256,uint256)";

    /** The event the SDK finds the txSeq in ({@code submissionIndex}); topic 0 must be 0G's to the byte. */
    static final ContractEvent SUBMIT = ContractEvent.of("Submit(address indexed sender, bytes32 indexed identity, uint256 submissionIndex,"
            + " uint256 startPos, uint256 length, (uint256 length, bytes tags, (bytes32 root, uint256 height)[] nodes) submission)");

    private static final AbiBinding SUBMISSION_DATA_BINDING = AbiBinding.of(AbiType.parse(SUBMISSION_DATA), SubmissionData.class);

    private FlowAbi() {
    }

    /** The submission as an event value: events take the ABI's generic values, not records. */
    static Object eventValue(SubmissionData data) {
        return SUBMISSION_DATA_BINDING.toAbi(data);
    }

    public record Node(Hash root, BigInteger height) {
    }

    public record SubmissionData(BigInteger length, byte[] tags, List<Node> nodes) {
    }

    public record Submission(SubmissionData data, Address submitter) {
    }

    /** What {@code submit} returns: the txSeq, the digest of the node roots, the start sector, the sectors. */
    public record SubmitResult(long index, Hash digest, long startIndex, long length) {
    }

    /** What {@code batchSubmit} returns: the columns of the submissions' results. */
    public record BatchSubmitResult(List<Long> indexes, List<Hash> digests, List<Long> startIndexes, List<Long> lengths) {

        static BatchSubmitResult of(List<SubmitResult> results) {
            return new BatchSubmitResult(results.stream().map(SubmitResult::index).toList(), results.stream().map(SubmitResult::digest).toList(),
                    results.stream().map(SubmitResult::startIndex).toList(), results.stream().map(SubmitResult::length).toList());
        }
    }
}
