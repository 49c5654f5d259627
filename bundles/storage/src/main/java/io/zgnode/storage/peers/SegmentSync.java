package io.zgnode.storage.peers;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.net.PeerNetwork;
import io.zgnode.api.storage.FlowEntry;
import io.zgnode.api.storage.FlowLog;
import io.zgnode.storage.StorageNode;
import io.zgnode.storage.intake.InvalidSegmentException;
import io.zgnode.storage.intake.LogEntries;
import io.zgnode.storage.intake.StoredEntry;
import io.zgnode.storage.intake.UploadedSegment;
import io.zgnode.storage.peers.StorageDirectory.KnownNode;
import io.zgnode.storage.segments.SegmentBytes;

/**
 * Fetches the segments of this node's shard that it lacks from storage peers whose shard keeps
 * them, so a file uploaded to one node reaches every node that should hold it. Each segment is
 * checked against the entry this node saw committed, as an upload is; a peer that sends a wrong
 * one is banned.
 */
@Component(service = SegmentSync.class, immediate = true)
public class SegmentSync {

    /** Segments fetched per round at most, so a round stays short. */
    static final int SEGMENTS_PER_ROUND = 64;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration BAN = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(SegmentSync.class.getName());

    private final StorageNode node;
    private final FlowLog log;
    private final StorageDirectory directory;
    private final PeerNetwork network;
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "zgnode-storage-sync");
        thread.setDaemon(true);
        return thread;
    });
    /** Entries below this txSeq are complete here: complete entries stay complete. */
    private long completeBelow;

    @Activate
    public SegmentSync(@Reference StorageNode node, @Reference FlowLog log, @Reference StorageDirectory directory, @Reference PeerNetwork network) {
        this.node = node;
        this.log = log;
        this.directory = directory;
        this.network = network;
        long interval = Math.max(100, node.config().syncIntervalMillis());
        rounds.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        rounds.shutdownNow();
    }

    void round() {
        try {
            int budget = SEGMENTS_PER_ROUND;
            boolean prefixComplete = true;
            for (long from = completeBelow; budget > 0 && from < log.nextTxSeq();) {
                List<FlowEntry> page = log.entries(from, FlowLog.MAX_ENTRIES);
                if (page.isEmpty()) {
                    break;
                }
                for (FlowEntry flowEntry : page) {
                    StoredEntry entry = LogEntries.stored(flowEntry);
                    if (!node.finalized(entry)) {
                        budget -= fetch(entry, budget);
                    }
                    if (prefixComplete && node.finalized(entry)) {
                        completeBelow = entry.txSeq() + 1;
                    } else {
                        prefixComplete = false;
                    }
                    if (budget <= 0 || Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
                from = page.get(page.size() - 1).txSeq() + 1;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "storage sync round failed", e);
        }
    }

    /** Fetches missing segments of {@code entry}, at most {@code budget} requests; returns how many it made. */
    private int fetch(StoredEntry entry, int budget) {
        int requests = 0;
        for (int index = 0; index < entry.layout().segments() && requests < budget; index++) {
            long flowSegment = entry.flowSegment(index);
            if (!node.shard().holds(flowSegment) || node.segments().has(entry.txSeq(), index)) {
                continue;
            }
            List<KnownNode> holders = directory.holding(flowSegment);
            if (holders.isEmpty()) {
                return requests;
            }
            boolean found = false;
            for (KnownNode holder : holders) {
                requests++;
                if (fetchFrom(holder, entry, index)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                // nobody has it yet (the upload may still be under way): try again next round
                return requests;
            }
        }
        return requests;
    }

    private boolean fetchFrom(KnownNode holder, StoredEntry entry, int index) {
        byte[] answer;
        try {
            answer = network.request(holder.peer(), StorageProtocol.SEGMENT, StorageProtocol.encodeSegmentRequest(entry.txSeq(), index), TIMEOUT)
                    .get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
        try {
            Optional<SegmentBytes> segment = StorageProtocol.decodeSegment(index, answer);
            if (segment.isEmpty()) {
                return false;
            }
            // a peer's segment is for this entry by asking: it is checked against the entry like an upload
            node.intake().accept(entry, List.of(new UploadedSegment(entry.root(), entry.size(), segment.get())));
            return true;
        } catch (IllegalArgumentException | InvalidSegmentException e) {
            network.ban(holder.peer(), BAN, "sent a wrong segment " + index + " of entry " + entry.txSeq() + ": " + e.getMessage());
            return false;
        }
    }
}
