package io.zgnode.runtime.cli.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import io.zgnode.api.chain.Hash;
import io.zgnode.runtime.UserError;
import io.zgnode.runtime.cli.Workers;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.ProofVerifier;
import io.zgnode.storage.merkle.SegmentWithProof;

/**
 * Downloads a file's segments and checks every one against the file root before writing it: the
 * proof must place exactly these bytes at that index of the file of that root and size
 * ({@link ProofVerifier}). Each segment is asked of the nodes whose shard keeps it (then of the
 * others, in case a node's view of the flow differs); a node that sends a segment that does not
 * verify, or fails to answer, is named in a warning and not asked again. A segment no node gives
 * valid is an error naming every node and what it did.
 */
public final class SegmentDownloader {

    /** Segments in flight at once: enough to overlap the nodes' latency, with at most 1 MiB of them in memory. */
    static final int PARALLEL = 4;

    private final StorageNetwork network;
    private final Hash root;
    private final FileInfo file;
    private final List<ShardedNode> nodes;
    private final Consumer<String> warnings;
    private final LongConsumer written;
    /** Nodes not asked again, by URL, with what they did. */
    private final Map<String, String> dropped = new ConcurrentHashMap<>();

    /**
     * @param file the file's entry as a node describes it: its size (the proofs are checked for that size) and flow position
     * @param nodes the nodes to ask, preferred ones first
     * @param warnings told of every node that will not be asked again, and why
     * @param written told the bytes of every segment written
     */
    public SegmentDownloader(StorageNetwork network, Hash root, FileInfo file, List<ShardedNode> nodes, Consumer<String> warnings,
            LongConsumer written) {
        this.network = network;
        this.root = root;
        this.file = file;
        this.nodes = List.copyOf(nodes);
        this.warnings = warnings;
        this.written = written;
    }

    /**
     * Writes the file's bytes to {@code out} from {@code offset} on (where the fragment lies in the
     * whole file), each segment at its place, so the segments may come in any order.
     */
    public void downloadTo(FileChannel out, long offset) throws Exception {
        int segments = new FileLayout(file.size()).segments();
        AtomicInteger next = new AtomicInteger();
        List<Workers.Task> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(PARALLEL, segments); i++) {
            workers.add(() -> {
                for (int index = next.getAndIncrement(); index < segments; index = next.getAndIncrement()) {
                    write(out, offset, index, segment(index));
                }
            });
        }
        Workers.runAll("download", workers);
    }

    /** Segment {@code index}'s bytes as uploaded, from the first node that gives them with a valid proof. */
    byte[] segment(int index) {
        List<String> failures = new ArrayList<>();
        for (ShardedNode node : candidates(index)) {
            String earlier = dropped.get(node.url());
            if (earlier != null) {
                failures.add(node.url() + ": passed over, it " + earlier);
                continue;
            }
            Optional<SegmentWithProof> answer;
            try {
                answer = network.client(node).downloadSegmentWithProof(root, index);
            } catch (UserError e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e; // another segment failed and the download is stopping: not this node's fault
                }
                String why = "failed to give segment " + index + " (" + e.getMessage() + ")";
                drop(node, why);
                failures.add(node.url() + ": " + why);
                continue;
            }
            if (answer.isEmpty()) {
                failures.add(node.url() + ": does not hold it");
                continue;
            }
            byte[] data = answer.get().data();
            Optional<String> invalid = ProofVerifier.check(data, index, answer.get().proof(), root, file.size());
            if (invalid.isEmpty()) {
                return data;
            }
            String why = "sent segment " + index + " with a proof that does not verify (" + invalid.get() + ")";
            drop(node, why);
            failures.add(node.url() + ": " + why);
        }
        throw new UserError("no storage node gave a valid segment " + index + " of " + root + ": "
                + (failures.isEmpty() ? "no node to ask" : String.join("; ", failures)));
    }

    /**
     * The nodes whose shard keeps the segment, starting at a different one for each segment to
     * share the load between replicas, then the other nodes.
     */
    private List<ShardedNode> candidates(int index) {
        long flowSegment = file.firstFlowSegment() + index;
        List<ShardedNode> keepers = nodes.stream().filter(node -> node.shard().isValid() && node.shard().holds(flowSegment)).toList();
        List<ShardedNode> ordered = new ArrayList<>(nodes.size());
        for (int i = 0; i < keepers.size(); i++) {
            ordered.add(keepers.get((index + i) % keepers.size()));
        }
        nodes.stream().filter(node -> !keepers.contains(node)).forEach(ordered::add);
        return ordered;
    }

    private void drop(ShardedNode node, String why) {
        if (dropped.putIfAbsent(node.url(), why) == null) {
            warnings.accept("not asking " + node.url() + " again: " + why);
        }
    }

    /** The segment's file bytes at their place: the zero fill after the file's end is not written. */
    private void write(FileChannel out, long offset, int index, byte[] data) throws IOException {
        long position = (long) index * FileLayout.SEGMENT_SIZE;
        int length = (int) Math.min(data.length, file.size() - position);
        ByteBuffer buffer = ByteBuffer.wrap(data, 0, length);
        while (buffer.hasRemaining()) {
            out.write(buffer, offset + position + buffer.position());
        }
        written.accept(length);
    }
}
