package io.zgnode.runtime.cli;

import java.nio.file.Path;
import java.util.List;

import io.zgnode.crypto.Hex;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.FileTree;
import io.zgnode.storage.merkle.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code zgnode client root FILE}: a file's 0G storage root and the submission {@code Flow.submit}
 * records for it, computed offline exactly as the official 0G SDK computes them.
 */
@Command(name = "root", description = "Compute a file's 0G storage root and its flow submission, offline (no node needed);"
        + " JSON: {\"root\", \"size\", \"chunks\", \"segments\", \"submission\": {\"length\", \"tags\", \"nodes\": [{\"root\", \"height\"}]}}"
        + " with sizes and heights as integers.")
public final class RootCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "the file: at least one byte")
    Path file;

    @Override
    protected void run(Output output) throws Exception {
        FileTree tree = FileTrees.of(file);
        FileLayout layout = tree.layout();
        Submission submission = tree.submission();
        List<Node> nodes = submission.nodes().stream().map(node -> new Node(node.root().toString(), node.height())).toList();

        output.line("root:       %s", tree.root());
        output.line("size:       %d bytes", layout.size());
        output.line("chunks:     %d (%d in the flow, with padding)", layout.chunks(), layout.paddedChunks());
        output.line("segments:   %d", layout.segments());
        output.line("submission: length %d, %d sectors, %d node%s", submission.length(), submission.sectors(),
                nodes.size(), nodes.size() == 1 ? "" : "s");
        for (Node node : nodes) {
            output.line("  height %2d  %s", node.height(), node.root());
        }
        output.json(new Result(tree.root().toString(), layout.size(), layout.chunks(), layout.segments(),
                new SubmissionJson(submission.length(), Hex.encode(submission.tags()), nodes)));
    }

    /** The JSON object, its keys in this order; the same shape as the official SDK's submission. */
    record Result(String root, long size, long chunks, int segments, SubmissionJson submission) {
    }

    record SubmissionJson(long length, String tags, List<Node> nodes) {
    }

    record Node(String root, int height) {
    }
}
