package io.zgnode.runtime.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.zgnode.crypto.Hex;
import io.zgnode.runtime.cli.storage.FilePart;
import io.zgnode.runtime.cli.storage.Fragments;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.FileTree;
import io.zgnode.storage.merkle.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code zgnode client root FILE}: a file's 0G storage root and the submission {@code Flow.submit}
 * records for it, computed offline exactly as the official 0G SDK computes them; for a file larger
 * than the fragment size, those of each fragment ({@link Fragments}), as {@code client upload}
 * stores them.
 */
@Command(name = "root", description = "Compute a file's 0G storage root and its flow submission, offline (no node needed);"
        + " JSON: {\"root\", \"size\", \"chunks\", \"segments\", \"submission\": {\"length\", \"tags\", \"nodes\": [{\"root\", \"height\"}]}}"
        + " with sizes and heights as integers. A file larger than --fragment-size (4 GiB) is stored in fragments, one root each:"
        + " JSON {\"roots\": [ROOT], \"size\", \"fragmentSize\", \"fragments\": [that object for each fragment]}.")
public final class RootCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "the file: at least one byte")
    Path file;

    @Mixin
    FragmentSizeOption fragmentSize = new FragmentSizeOption();

    @Override
    protected void run(Output output) throws Exception {
        long fragment = fragmentSize.checked(spec);
        List<FilePart> parts = Fragments.of(file, FileTrees.checkedSize(file), fragment);
        if (parts.size() == 1) {
            Result result = describe(FileTrees.of(file), output);
            output.json(result);
            return;
        }
        long size = parts.get(0).fileSize();
        output.line("fragments:  %d of %d bytes (the last one the rest): each is stored as its own entry", parts.size(), fragment);
        List<Result> fragments = new ArrayList<>();
        for (FilePart part : parts) {
            output.line("");
            output.line("fragment %d/%d: bytes %d to %d", part.index() + 1, parts.size(), part.offset(), part.offset() + part.size() - 1);
            fragments.add(describe(FileTrees.of(part), output));
        }
        output.json(new FragmentsResult(fragments.stream().map(Result::root).toList(), size, fragment, fragments));
    }

    /** Prints a tree's root and submission; its JSON object. */
    private static Result describe(FileTree tree, Output output) {
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
        return new Result(tree.root().toString(), layout.size(), layout.chunks(), layout.segments(),
                new SubmissionJson(submission.length(), Hex.encode(submission.tags()), nodes));
    }

    /** The JSON object, its keys in this order; the same shape as the official SDK's submission. */
    record Result(String root, long size, long chunks, int segments, SubmissionJson submission) {
    }

    /** The JSON object of a file stored in fragments: their roots in order, then each fragment's object. */
    record FragmentsResult(List<String> roots, long size, long fragmentSize, List<Result> fragments) {
    }

    record SubmissionJson(long length, String tags, List<Node> nodes) {
    }

    record Node(String root, int height) {
    }
}
