package io.zgnode.storage.flow;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import io.zgnode.api.contract.RevertException;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.Submission;
import io.zgnode.storage.merkle.SubmissionNode;
import io.zgnode.storage.merkle.ZeroHashes;

/**
 * Turns a submission as the ABI decodes it into one the flow accepts, or reverts with the reason.
 * The rules are 0G's, applied by {@link Submission#isValid()}; this class only brings the ABI's
 * 256-bit integers into range first and words the refusal.
 */
final class SubmissionCheck {

    private static final BigInteger MAX_HEIGHT = BigInteger.valueOf(ZeroHashes.MAX_HEIGHT);
    private static final BigInteger MAX_LENGTH = BigInteger.valueOf(Long.MAX_VALUE);

    private SubmissionCheck() {
    }

    static Submission validated(FlowAbi.SubmissionData data) {
        if (data.nodes().isEmpty()) {
            throw invalid("it has no nodes");
        }
        if (data.length().compareTo(MAX_LENGTH) > 0) {
            throw invalid("length " + data.length() + " is beyond any file the flow can hold");
        }
        if (data.length().compareTo(BigInteger.valueOf(FileLayout.MAX_ENTRY_BYTES)) > 0) {
            throw invalid("length " + data.length() + " is over the " + FileLayout.MAX_ENTRY_BYTES + " bytes (4 GiB) one entry holds:"
                    + " split the file into several entries, as the SDK and zgnode client upload do");
        }
        List<SubmissionNode> nodes = new ArrayList<>(data.nodes().size());
        for (FlowAbi.Node node : data.nodes()) {
            if (node.height().compareTo(MAX_HEIGHT) > 0) {
                throw invalid("node height " + node.height() + " is above " + MAX_HEIGHT);
            }
            nodes.add(new SubmissionNode(node.root(), node.height().intValueExact()));
        }
        Submission submission = new Submission(data.length().longValueExact(), data.tags(), nodes);
        if (!submission.isValid()) {
            throw invalid("node heights " + nodes.stream().map(SubmissionNode::height).toList() + " for length " + data.length()
                    + ": heights must strictly decrease, the first below 64 and less than 4 above the last, and the length must"
                    + " need exactly these nodes (the file's chunks padded as the flow pads them)");
        }
        return submission;
    }

    private static RevertException invalid(String why) {
        return new RevertException("Invalid submission: " + why);
    }
}
