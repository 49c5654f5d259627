package io.zgnode.storage.shell;

import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.shell.ShellCommand;
import io.zgnode.api.storage.FlowEntry;
import io.zgnode.api.storage.FlowLog;
import io.zgnode.storage.StorageNode;
import io.zgnode.storage.intake.LogEntries;
import io.zgnode.storage.intake.StoredEntry;

/** {@code storage:status}, {@code storage:files [FROM]}, {@code storage:file ROOT|TXSEQ}, {@code storage:shard}. */
@Component(service = StorageCommands.class)
@ShellCommand(scope = "storage", function = {"status", "files", "file", "shard"})
public class StorageCommands {

    private static final int PAGE = 20;

    private final StorageNode node;
    private final FlowLog log;

    @Activate
    public StorageCommands(@Reference StorageNode node, @Reference FlowLog log) {
        this.node = node;
        this.log = log;
    }

    @Descriptor("show the storage node: shard, flow, files held")
    public String status() {
        StringBuilder out = new StringBuilder();
        line(out, "shard", node.shard() + " (keeps flow segments " + node.shard().shardId() + " mod " + node.shard().numShard() + ")");
        line(out, "flow contract", log.flowAddress().toString());
        line(out, "entries", Long.toString(log.nextTxSeq()));
        line(out, "flow length", log.flowLength() + " sectors, root " + log.flowRoot());
        return out.toString().stripTrailing();
    }

    @Descriptor("list flow entries and how much of each this node holds, the newest first")
    public String files() {
        long next = log.nextTxSeq();
        return files(Math.max(0, next - PAGE));
    }

    @Descriptor("list flow entries from a txSeq on")
    public String files(@Descriptor("first txSeq") long from) {
        List<FlowEntry> entries = log.entries(from, PAGE);
        if (entries.isEmpty()) {
            return "no entries from " + from + " (" + log.nextTxSeq() + " in the flow)";
        }
        StringBuilder out = new StringBuilder(String.format("%-7s %-66s %12s %9s %s%n", "txSeq", "root", "bytes", "segments", "state"));
        for (FlowEntry entry : entries) {
            StoredEntry stored = LogEntries.stored(entry);
            out.append(String.format("%-7d %-66s %12d %4d/%-4d %s%n", entry.txSeq(), entry.root(), entry.size(), node.segments().count(entry.txSeq()),
                    stored.segmentsOf(node.shard()), node.finalized(stored) ? "finalized" : "incomplete"));
        }
        return out.toString().stripTrailing();
    }

    @Descriptor("show one file by root or txSeq")
    public String file(@Descriptor("0x root or txSeq") String id) {
        List<FlowEntry> entries;
        if (id.startsWith("0x")) {
            try {
                entries = log.entriesByRoot(Hash.of(id));
            } catch (IllegalArgumentException e) {
                return "not a root: " + id;
            }
        } else {
            try {
                entries = log.entry(Long.parseLong(id)).stream().toList();
            } catch (NumberFormatException e) {
                return "give a 0x root or a txSeq, not " + id;
            }
        }
        if (entries.isEmpty()) {
            return "no flow entry " + id;
        }
        StringBuilder out = new StringBuilder();
        for (FlowEntry entry : entries) {
            StoredEntry stored = LogEntries.stored(entry);
            line(out, "txSeq", Long.toString(entry.txSeq()));
            line(out, "root", entry.root().toString());
            line(out, "size", entry.size() + " bytes, " + stored.layout().segments() + " segments");
            line(out, "flow", "sectors " + entry.startPosition() + " to " + entry.endPosition());
            line(out, "submitted", "block " + entry.blockNumber() + " by " + entry.sender() + " in " + entry.transactionHash());
            line(out, "held here", node.segments().count(entry.txSeq()) + " of the " + stored.segmentsOf(node.shard()) + " segments of shard "
                    + node.shard() + (node.finalized(stored) ? ": finalized" : ""));
        }
        return out.toString().stripTrailing();
    }

    @Descriptor("show this node's shard")
    public String shard() {
        return node.shard().toString();
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(String.format("%-14s %s%n", name, value));
    }
}
