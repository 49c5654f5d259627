package io.zgnode.runtime.cli.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.zgnode.api.chain.Hash;
import io.zgnode.runtime.UserError;
import io.zgnode.runtime.cli.AtomicFiles;
import io.zgnode.runtime.cli.Errors;
import io.zgnode.runtime.cli.Progress;
import io.zgnode.storage.merkle.FileLayout;

/**
 * Fetches a file by its root, or a file stored in fragments by their roots in order: finds the nodes
 * that hold each (the indexer's file locations first, then every storage node it knows), takes its
 * size and flow position from a node's entry, downloads every segment with its proof checked
 * ({@link SegmentDownloader}) to its place in a temporary file beside the target (the fragments one
 * after another), forces it to disk and renames it to the target in one step: the target is the
 * whole verified file or is not there (or is left as it was).
 */
public final class FileDownload {

    /** What was written: {@code roots} in the order their bytes follow each other. */
    public record Result(List<Hash> roots, long size, int segments, Path out) {

        public Result {
            roots = List.copyOf(roots);
        }
    }

    private final StorageNetwork network;
    private final Consumer<String> warnings;

    /** @param warnings told of nodes that are passed over (bad proofs, no answer), one line each */
    public FileDownload(StorageNetwork network, Consumer<String> warnings) {
        this.network = network;
        this.warnings = warnings;
    }

    /**
     * Checks, before anything is fetched, that {@code out} can be written.
     *
     * @param replace whether an existing file may be replaced
     * @return the absolute target
     */
    public static Path checkTarget(Path out, boolean replace) {
        Path target = AtomicFiles.checkWritable(out, replace);
        Path folder = target.getParent();
        if (!Files.isDirectory(folder)) {
            throw new UserError("cannot write " + target + ": no folder " + folder);
        }
        return target;
    }

    /** Downloads the file of {@code root} to {@code out}. */
    public Result download(Hash root, Path out, boolean replace) throws Exception {
        return download(List.of(root), out, replace);
    }

    /** Downloads the files of {@code roots}, one after another, to {@code out}: the fragments of one file, put together. */
    public Result download(List<Hash> roots, Path out, boolean replace) throws Exception {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("no root to download");
        }
        Path target = checkTarget(out, replace);
        List<Source> sources = new ArrayList<>();
        long size = 0;
        int segments = 0;
        for (Hash root : roots) {
            Source source = source(root);
            sources.add(source);
            size += source.file().size();
            segments += new FileLayout(source.file().size()).segments();
        }
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    Progress progress = Progress.startWithRate("downloading " + target.getFileName(), size)) {
                long offset = 0;
                for (Source source : sources) {
                    new SegmentDownloader(network, source.root(), source.file(), source.nodes(), warnings, progress::advance).downloadTo(channel, offset);
                    offset += source.file().size();
                }
                channel.force(true);
            }
            AtomicFiles.publish(temporary, target, replace);
            temporary = null;
        } catch (FileAlreadyExistsException e) {
            throw new UserError(target + " appeared while downloading; give --force to overwrite it");
        } catch (IOException e) {
            throw new UserError("cannot write " + target + ": " + Errors.describe(e));
        } finally {
            AtomicFiles.deleteQuietly(temporary);
        }
        return new Result(roots, size, segments, target);
    }

    /** A file to fetch: its root, its entry as a node describes it, and the nodes to ask. */
    private record Source(Hash root, FileInfo file, List<ShardedNode> nodes) {
    }

    /** Finds the file's entry and nodes keeping every shard, before anything is fetched. */
    private Source source(Hash root) {
        List<ShardedNode> nodes = holdersFirst(root);
        FileInfo file = fileInfo(root, nodes);
        if (file.size() <= 0) {
            throw new UserError("a node says the file " + root + " has " + file.size() + " bytes: no such file can have a root");
        }
        ShardCoverage coverage = ShardCoverage.of(nodes);
        if (coverage.coverage() < 1) {
            throw new UserError("no storage node " + network.entry().url() + " knows keeps shard " + coverage.weakest() + " of the flow,"
                    + " so segments of " + root + " cannot be fetched (nodes: " + ShardedNode.describe(nodes) + ")");
        }
        return new Source(root, file, nodes);
    }

    /** The indexer's holders of the file, then the other storage nodes it knows (they may hold segments while they sync). */
    private List<ShardedNode> holdersFirst(Hash root) {
        Map<String, ShardedNode> byUrl = new LinkedHashMap<>();
        network.fileLocations(root).forEach(node -> byUrl.putIfAbsent(node.url(), node));
        network.nodes().forEach(node -> byUrl.putIfAbsent(node.url(), node));
        return new ArrayList<>(byUrl.values());
    }

    /** The file's entry as the entry node knows it, else as the first of {@code nodes} that knows it. */
    private FileInfo fileInfo(Hash root, List<ShardedNode> nodes) {
        Optional<FileInfo> info = network.entry().fileInfo(root, true);
        for (int i = 0; info.isEmpty() && i < nodes.size(); i++) {
            try {
                info = network.client(nodes.get(i)).fileInfo(root, true);
            } catch (UserError e) {
                warnings.accept("cannot ask " + nodes.get(i).url() + " about the file: " + e.getMessage());
            }
        }
        return info.orElseThrow(() -> new UserError("no storage node knows a file with root " + root + " (asked " + network.entry().url()
                + (nodes.isEmpty() ? "" : " and " + ShardedNode.describe(nodes)) + ")"));
    }
}
