package io.zgnode.runtime.cli.storage;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zgnode.api.chain.Hash;
import io.zgnode.runtime.UserError;
import io.zgnode.runtime.cli.Polling;
import io.zgnode.runtime.cli.Progress;
import io.zgnode.runtime.cli.Transactions;
import io.zgnode.runtime.cli.Workers;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.FileTree;

/**
 * Stores a file on the storage network as 0G's clients do: choose nodes that keep every shard the
 * number of times asked; submit the file's entry to the Flow contract, unless an entry with its
 * root exists already (an earlier attempt made it: its txSeq is reused, so an interrupted upload
 * resumes without paying twice); wait until the chosen nodes have seen the entry; upload to each
 * node not yet holding its shard of the file the segments of its shard; wait until every chosen
 * node holds them all ({@code finalized}).
 */
public final class FileUpload {

    /** Files larger than this need several flow entries, as the official SDK splits them ({@link Fragments}, its default fragment size). */
    public static final long MAX_BYTES = FileLayout.MAX_ENTRY_BYTES;

    /**
     * What was done.
     *
     * @param transactionHash the Flow.submit transaction, or null when an existing entry was used
     * @param alreadyStored every chosen node held the file before: nothing was sent
     */
    public record Result(Hash root, long txSeq, Hash transactionHash, long size, int segments, List<String> nodes, boolean alreadyStored) {
    }

    private final StorageNetwork network;
    private final FlowContract flow;
    private final Transactions transactions;
    private final Duration timeout;

    /**
     * @param flow the Flow contract, reached over the chain's JSON-RPC
     * @param transactions how the submission is signed and sent
     * @param timeout how long each wait may take: for the block, for the nodes to see the entry, for them to hold the file
     */
    public FileUpload(StorageNetwork network, FlowContract flow, Transactions transactions, Duration timeout) {
        this.network = network;
        this.flow = flow;
        this.transactions = transactions;
        this.timeout = timeout;
    }

    /** Stores {@code file}, whose tree is {@code tree}, on nodes that keep every shard {@code replicas} times. */
    public Result upload(Path file, FileTree tree, int replicas) throws Exception {
        return upload(FilePart.whole(file, tree.layout().size()), tree, replicas);
    }

    /** Stores {@code part} of a file (the whole file, or a fragment), whose tree is {@code tree}, as one flow entry. */
    public Result upload(FilePart part, FileTree tree, int replicas) throws Exception {
        if (tree.layout().size() != part.size()) {
            throw new IllegalArgumentException("the tree is of " + tree.layout().size() + " bytes, the part has " + part.size());
        }
        Hash root = tree.root();
        List<ShardedNode> chosen = choose(replicas);
        Map<ShardedNode, Optional<FileInfo>> before = new LinkedHashMap<>();
        for (ShardedNode node : chosen) {
            before.put(node, network.client(node).fileInfo(root, false));
        }
        Optional<FileInfo> existing = before.values().stream().flatMap(Optional::stream).findFirst();
        if (before.values().stream().allMatch(info -> info.isPresent() && info.get().finalized())) {
            return result(tree, existing.get().txSeq(), null, chosen, true);
        }

        Hash transaction = null;
        long txSeq;
        if (existing.isPresent()) {
            txSeq = existing.get().txSeq();
        } else {
            FlowContract.Submitted submitted = flow.submit(transactions, tree.submission(), timeout);
            transaction = submitted.transactionHash();
            txSeq = submitted.txSeq();
        }

        Map<ShardedNode, FileInfo> entries = new LinkedHashMap<>();
        for (ShardedNode node : chosen) {
            entries.put(node, awaitEntry(node, txSeq, root));
        }
        List<ShardedNode> missing = chosen.stream().filter(node -> !entries.get(node).finalized()).toList();
        send(part, tree, entries.get(chosen.get(0)), missing);
        for (ShardedNode node : chosen) {
            awaitFinalized(node, txSeq);
        }
        return result(tree, txSeq, transaction, chosen, false);
    }

    private List<ShardedNode> choose(int replicas) {
        List<ShardedNode> known = network.nodes();
        return ShardCoverage.select(known, replicas).orElseThrow(() -> {
            ShardCoverage coverage = ShardCoverage.of(known);
            return new UserError("the storage nodes " + network.entry().url() + " knows cannot keep the file " + replicas + " time"
                    + (replicas == 1 ? "" : "s") + ": shard " + coverage.weakest() + " is kept by " + coverage.coverage() + " of them (nodes: "
                    + ShardedNode.describe(known) + ")");
        });
    }

    private FileInfo awaitEntry(ShardedNode node, long txSeq, Hash root) throws InterruptedException {
        StorageNodeClient client = network.client(node);
        FileInfo entry = Polling.until(timeout, () -> client.fileInfo(txSeq),
                () -> node.url() + " has not seen flow entry " + txSeq + " within " + timeout.toSeconds() + " s: is it following the chain?");
        if (!entry.root().equals(root)) {
            throw new UserError(node.url() + " says flow entry " + txSeq + " is file " + entry.root() + ", not " + root);
        }
        return entry;
    }

    private void send(FilePart part, FileTree tree, FileInfo entry, List<ShardedNode> nodes) throws Exception {
        if (nodes.isEmpty()) {
            return;
        }
        try (FileChannel channel = part.open()) {
            SegmentUploader uploader = new SegmentUploader(channel, part, tree, entry);
            long total = nodes.stream().mapToLong(node -> uploader.bytesFor(node.shard())).sum();
            try (Progress progress = Progress.startWithRate("uploading " + part.describe(), total)) {
                List<Workers.Task> tasks = new ArrayList<>();
                for (ShardedNode node : nodes) {
                    tasks.add(() -> uploader.upload(network.client(node), node.shard(), progress::advance));
                }
                Workers.runAll("upload", tasks);
            }
        }
    }

    private void awaitFinalized(ShardedNode node, long txSeq) throws InterruptedException {
        StorageNodeClient client = network.client(node);
        long[] held = {0};
        Polling.until(timeout, () -> client.fileInfo(txSeq).filter(info -> {
            held[0] = info.uploadedSegments();
            return info.finalized();
        }), () -> "the segments were sent, but " + node.url() + " does not hold all of its shard of entry " + txSeq + " after "
                + timeout.toSeconds() + " s (it holds " + held[0] + "); run the command again to resume");
    }

    private static Result result(FileTree tree, long txSeq, Hash transaction, List<ShardedNode> nodes, boolean alreadyStored) {
        return new Result(tree.root(), txSeq, transaction, tree.layout().size(), tree.layout().segments(), nodes.stream().map(ShardedNode::url).toList(),
                alreadyStored);
    }
}
