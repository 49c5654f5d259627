package io.zgnode.consensus.bft;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.BlockExecutor;
import io.zgnode.api.chain.BlockHeader;
import io.zgnode.api.chain.Chain;
import io.zgnode.api.chain.ExecutedBlock;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.InvalidBlockException;
import io.zgnode.api.chain.TransactionPool;
import io.zgnode.api.consensus.ConsensusStatus;
import io.zgnode.api.metrics.MetricWriter;
import io.zgnode.api.net.InvalidRequestException;
import io.zgnode.api.net.MessageHandler;
import io.zgnode.api.net.PeerId;
import io.zgnode.api.net.PeerNetwork;
import io.zgnode.api.net.RequestHandler;
import io.zgnode.api.net.Verdict;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.consensus.bft.core.Certificate;
import io.zgnode.consensus.bft.core.Evidence;
import io.zgnode.consensus.bft.core.InvalidMessageException;
import io.zgnode.consensus.bft.core.Messages;
import io.zgnode.consensus.bft.core.Outbox;
import io.zgnode.consensus.bft.core.Proposal;
import io.zgnode.consensus.bft.core.Step;
import io.zgnode.consensus.bft.core.TendermintCore;
import io.zgnode.consensus.bft.core.Timeout;
import io.zgnode.consensus.bft.core.ValidatorKey;
import io.zgnode.consensus.bft.core.ValidatorSet;
import io.zgnode.consensus.bft.core.Vote;
import io.zgnode.consensus.bft.store.EvidenceStore;
import io.zgnode.consensus.bft.store.StoreWal;
import io.zgnode.crypto.Keccak256;
import io.zgnode.ethereum.RlpItem;

/**
 * The running engine, outside any framework: drives a {@link TendermintCore} on one thread of its
 * own against the ledger ({@link BlockExecutor}, {@link Chain}), the network and the store.
 * <p>
 * Threads: every input of the core (messages, timeouts, built and executed blocks, block sync
 * results) runs on the single consensus thread, as does every call of the executor. Network
 * threads only decode and verify messages ({@link #messageHandler()}) and serve committed blocks
 * ({@link #blockServer()}), then hand over. {@link #stop()} ends the thread and its timers and
 * discards executed blocks that were not committed.
 * <p>
 * State: the head (via {@link Chain}), the write-ahead log and the evidence are in the store; what
 * is in fields (the blocks proposed at the current height and their executions, peers' heights) is
 * rebuilt or fetched again by a new instance.
 */
final class BftEngine implements Outbox {

    static final String ENGINE = "bft";
    /** The gossip topic of proposals, votes and status announcements. */
    static final String TOPIC = "consensus";
    /** The request protocol of block sync. */
    static final String SYNC_PROTOCOL = "consensus/blocks/1";
    static final int SYNC_MAX_BLOCKS = 64;
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration BAN = Duration.ofMinutes(10);
    /** Blocks kept per height at most (one per proposal round is the honest case). */
    private static final int MAX_CANDIDATES = 64;
    private static final int SEEN = 20_000;
    /** Room left in a sync response for its framing. */
    private static final int RESPONSE_MARGIN = 1024;
    private static final int DEFAULT_MAX_MESSAGE = 4 << 20;

    private static final Logger LOG = Logger.getLogger(BftEngine.class.getName());

    private final Settings settings;
    private final BlockExecutor executor;
    private final Chain chain;
    private final Supplier<TransactionPool> pool;
    private final Supplier<PeerNetwork> network;
    private final ValidatorSetSource sets;
    private final LongSupplier clock;
    private final StoreWal wal;
    private final EvidenceStore evidence;
    private final TendermintCore core;
    private final ScheduledThreadPoolExecutor thread;
    private final ValidatorKey key;

    // consensus thread only
    private final Map<Hash, Candidate> candidates = new LinkedHashMap<>();
    private boolean active;
    private boolean syncing;
    private boolean syncWanted;
    private long heightStartedAt;

    // any thread
    private final Map<PeerId, Long> peerHeads = new ConcurrentHashMap<>();
    private final Map<Hash, Boolean> seen = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, Boolean> eldest) {
            return size() > SEEN;
        }
    });
    private volatile boolean closed;
    private volatile long currentHeight;
    private volatile ConsensusStatus status;
    private final AtomicLong nonce = new AtomicLong(ThreadLocalRandom.current().nextLong());

    // metrics
    private volatile long lastRounds;
    private volatile long lastCommitMillis;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong roundsTotal = new AtomicLong();
    private final AtomicLong synced = new AtomicLong();

    /**
     * @param key this node's validator key, or {@code null} to follow
     * @param pool the pool (transactions of proposed blocks are taken from it); may supply {@code null}
     * @param network the network; may supply {@code null} (a single validator needs none)
     * @param clock wall-clock milliseconds: block timestamps and the future-timestamp check
     */
    BftEngine(Settings settings, BlockExecutor executor, Chain chain, Supplier<TransactionPool> pool, Supplier<PeerNetwork> network,
            KeyValueStore store, ValidatorKey key, ValidatorSetSource sets, LongSupplier clock) {
        this.settings = settings;
        this.executor = executor;
        this.chain = chain;
        this.pool = pool;
        this.network = network;
        this.sets = sets;
        this.clock = clock;
        this.key = key;
        this.wal = new StoreWal(store, this::blockBytes);
        this.evidence = new EvidenceStore(store);
        this.core = new TendermintCore(chain.chainId(), settings.timeouts(), key, key == null ? null : wal, this, settings.misbehavior());
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "zgnode-bft-consensus");
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        long head = chain.head().number();
        this.currentHeight = head + 1;
        this.status = new ConsensusStatus(ENGINE, head + 1, 0, "starting", chain.head().hash(), sets.at(head + 1).validators(), selfValidator());
    }

    void start() {
        post(this::begin);
        thread.scheduleWithFixedDelay(() -> guarded(this::tick), settings.rebroadcastMillis(), settings.rebroadcastMillis(),
                TimeUnit.MILLISECONDS);
        ValidatorSet set = sets.at(currentHeight);
        int self = key == null ? -1 : set.indexOf(key.publicKey());
        if (key != null && self < 0) {
            LOG.warning("bft consensus: the validator key " + io.zgnode.crypto.Hex.encode(key.publicKey())
                    + " is not in the validator set: this node follows only");
        }
        LOG.info("bft consensus: " + set.size() + " validators, total power " + set.totalPower() + ", "
                + (self >= 0 ? "this node is validator #" + self + " " + set.validator(self).address() : "following") + ", from height "
                + Math.max(settings.startHeight(), currentHeight)
                + (settings.misbehavior() == TendermintCore.Misbehavior.NONE ? "" : ", MISBEHAVING (" + settings.misbehavior() + ", fault tests only)"));
    }

    /** Stops the thread and its timers, waits for a task in progress, and discards uncommitted blocks. */
    void stop() throws InterruptedException {
        closed = true;
        thread.shutdown();
        if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warning("bft consensus: a task was still running after 30 s");
        }
        discardExecuted(Long.MAX_VALUE);
        candidates.clear();
    }

    // --- the consensus thread

    /** Runs a task on the consensus thread, unless stopped. */
    private void post(Runnable task) {
        try {
            thread.execute(() -> guarded(task));
        } catch (RejectedExecutionException e) {
            // stopped
        }
    }

    private void guarded(Runnable task) {
        if (closed) {
            return;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "bft consensus: " + e, e);
        }
        publishStatus();
    }

    /** Starts consensus once the head has reached the height before startHeight. */
    private void begin() {
        if (active) {
            return;
        }
        long head = chain.head().number();
        if (head + 1 < settings.startHeight()) {
            return; // the tick asks again
        }
        active = true;
        enterHeight(head + 1);
        probe();
    }

    private void enterHeight(long height) {
        discardExecuted(height);
        candidates.values().removeIf(c -> c.height < height);
        for (Map.Entry<Hash, byte[]> recorded : wal.blocks(height).entrySet()) {
            candidates.putIfAbsent(recorded.getKey(), new Candidate(height, recorded.getKey(), recorded.getValue(), -1, 0));
        }
        currentHeight = height;
        heightStartedAt = clock.getAsLong();
        syncWanted = false;
        core.startHeight(height, sets.at(height));
    }

    private void tick() {
        if (!active) {
            begin();
            return;
        }
        PeerNetwork net = network.get();
        if (net != null) {
            net.broadcast(TOPIC, Wire.status(chain.head().number(), core.height(), core.round(), nonce.incrementAndGet()));
            for (Object message : core.ownMessages()) {
                if (message instanceof Vote vote) {
                    broadcast(vote);
                } else if (message instanceof Proposal proposal) {
                    broadcast(proposal);
                }
            }
        }
        maybeSync();
    }

    /** This node proposes: build a block from the pool. */
    private void buildValue(long height, int round) {
        if (core.height() != height || core.round() != round || core.step() != Step.PROPOSE || core.self() < 0) {
            return;
        }
        BlockHeader parent = chain.head();
        if (parent.number() + 1 != height) {
            return;
        }
        Address proposer = core.validators().validator(core.self()).address();
        ExecutedBlock executed = executor.propose(proposer, Math.max(parent.timestamp(), clock.getAsLong() / 1000));
        Block block = executed.block();
        Candidate candidate = new Candidate(height, block.hash(), BlockCodec.encode(block), core.self(), -1);
        candidate.block = block;
        candidate.executed = executed;
        candidate.valid = Boolean.TRUE;
        Candidate previous = candidates.put(block.hash(), candidate);
        if (previous != null && previous.executed != null) {
            executor.discard(previous.executed);
        }
        PeerNetwork net = network.get();
        if (net != null && candidate.encoded.length > net.maxMessageBytes() - RESPONSE_MARGIN) {
            LOG.warning("height " + height + ": the proposed block is " + candidate.encoded.length + " bytes, more than the network carries ("
                    + net.maxMessageBytes() + ")");
        }
        core.onValue(height, round, block.hash());
    }

    /** Checks (executes) a proposed block the core asks about. */
    private void validate(long height, Hash value) {
        if (core.height() != height) {
            return;
        }
        Candidate candidate = candidates.get(value);
        if (candidate == null) {
            LOG.warning("height " + height + ": block " + value + " to check is not at hand");
            return;
        }
        if (candidate.valid == null) {
            String problem = check(candidate);
            candidate.valid = problem == null;
            if (problem != null) {
                LOG.info("height " + height + ": proposed block " + value + " is invalid: " + problem);
            }
        }
        core.onValidity(height, value, candidate.valid);
    }

    /** Null if the block is valid (and leaves it executed), else why not. */
    private String check(Candidate candidate) {
        try {
            Block block = candidate.block != null ? candidate.block : BlockCodec.decode(candidate.encoded, pool.get());
            candidate.block = block;
            BlockHeader header = block.header();
            if (header.number() != candidate.height || !header.hash().equals(candidate.hash)) {
                return "it is block " + header.number() + " " + header.hash() + ", not the one proposed";
            }
            ValidatorSet set = core.validators();
            if (candidate.polRound == -1 && candidate.proposer >= 0 && !header.proposer().equals(set.validator(candidate.proposer).address())) {
                return "its proposer is " + header.proposer() + ", not the round's proposer " + set.validator(candidate.proposer).address();
            }
            long limit = clock.getAsLong() / 1000 + settings.maxBlockFutureSeconds();
            if (header.timestamp() > limit) {
                return "its timestamp " + header.timestamp() + " is more than " + settings.maxBlockFutureSeconds() + " s ahead of this node's clock";
            }
            candidate.executed = executor.execute(block);
            return null;
        } catch (InvalidMessageException | InvalidBlockException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "height " + candidate.height + ": executing block " + candidate.hash + " failed: " + e, e);
            return e.toString();
        }
    }

    /** Commits the decided block with its certificate, then pauses before the next height. */
    private void commit(Certificate certificate) {
        long height = certificate.height();
        if (chain.head().number() + 1 != height) {
            return; // block sync committed it meanwhile
        }
        Candidate candidate = candidates.get(certificate.value());
        if (candidate == null || candidate.executed == null) {
            LOG.warning("height " + height + ": the decided block " + certificate.value() + " is not executed here; fetching it");
            syncWanted = true;
            return;
        }
        try {
            executor.commit(candidate.executed, certificate.encode());
        } catch (IllegalStateException e) {
            LOG.warning("height " + height + ": commit refused (" + e.getMessage() + "); continuing from the head");
            candidate.executed = null;
            enterHeight(chain.head().number() + 1);
            return;
        }
        candidate.executed = null;
        long latency = clock.getAsLong() - heightStartedAt;
        lastCommitMillis = latency;
        lastRounds = certificate.round() + 1L;
        roundsTotal.addAndGet(certificate.round() + 1L);
        commits.incrementAndGet();
        if (certificate.round() > 0) {
            LOG.info("height " + height + " decided in round " + certificate.round() + " (" + latency + " ms)");
        }
        discardExecuted(height + 1);
        candidates.values().removeIf(c -> c.height <= height);
        try {
            thread.schedule(() -> guarded(() -> {
                if (core.height() == height && chain.head().number() == height) {
                    enterHeight(height + 1);
                }
            }), settings.timeouts().commitMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopped
        }
    }

    /** Discards the executions of the blocks below {@code belowHeight} that were not committed. */
    private void discardExecuted(long belowHeight) {
        for (Candidate candidate : candidates.values()) {
            if (candidate.executed != null && candidate.height < belowHeight) {
                try {
                    executor.discard(candidate.executed);
                } catch (RuntimeException e) {
                    LOG.fine("discarding block " + candidate.hash + ": " + e);
                }
                candidate.executed = null;
            }
        }
    }

    private void onProposalMessage(Proposal proposal, byte[] block) {
        if (proposal.height() < core.height()) {
            return;
        }
        if (!candidates.containsKey(proposal.value())) {
            if (candidates.size() >= MAX_CANDIDATES && !evictCandidate()) {
                return;
            }
            candidates.put(proposal.value(), new Candidate(proposal.height(), proposal.value(), block, proposal.proposer(), proposal.polRound()));
        }
        core.onProposal(proposal);
    }

    /**
     * Makes room when a long height has seen many proposed blocks: drops the oldest one that is
     * neither this node's locked or valid value nor executed and valid. False if none can go.
     */
    private boolean evictCandidate() {
        Hash keep1 = core.lockedValue();
        Hash keep2 = core.validValue();
        for (Iterator<Candidate> it = candidates.values().iterator(); it.hasNext();) {
            Candidate candidate = it.next();
            if (!candidate.hash.equals(keep1) && !candidate.hash.equals(keep2) && !Boolean.TRUE.equals(candidate.valid)) {
                if (candidate.executed != null) {
                    executor.discard(candidate.executed);
                }
                it.remove();
                return true;
            }
        }
        return false;
    }

    private byte[] blockBytes(Hash hash) {
        Candidate candidate = candidates.get(hash);
        return candidate == null ? null : candidate.encoded;
    }

    // --- outbox: called by the core on the consensus thread

    @Override
    public void broadcast(Proposal proposal) {
        PeerNetwork net = network.get();
        byte[] block = blockBytes(proposal.value());
        if (net == null) {
            return;
        }
        if (block == null) {
            LOG.warning("height " + proposal.height() + ": the block of " + proposal + " is not at hand to send");
            return;
        }
        net.broadcast(TOPIC, Wire.proposal(proposal, block, nonce.incrementAndGet()));
    }

    @Override
    public void broadcast(Vote vote) {
        PeerNetwork net = network.get();
        if (net != null) {
            net.broadcast(TOPIC, Wire.vote(vote, nonce.incrementAndGet()));
        }
    }

    @Override
    public void schedule(Timeout timeout) {
        try {
            thread.schedule(() -> guarded(() -> core.onTimeout(timeout)), timeout.delayMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopped
        }
    }

    @Override
    public void requestValue(long height, int round) {
        post(() -> buildValue(height, round));
    }

    @Override
    public void requestValidation(long height, Hash value) {
        post(() -> validate(height, value));
    }

    @Override
    public void decided(Certificate certificate) {
        post(() -> commit(certificate));
    }

    @Override
    public void evidence(Evidence found) {
        if (evidence.record(found)) {
            ValidatorSet set = core.validators();
            LOG.warning("evidence: validator #" + found.validator() + " " + set.validator(found.validator()).address() + " signed two different "
                    + found.kind().label() + "s at height " + found.height() + " round " + found.round());
        }
    }

    @Override
    public void valueMissing(long height, int round, Hash value) {
        LOG.info("height " + height + ": more than 2/3 precommitted block " + value + " (round " + round + "), which this node has not seen");
        syncWanted = true;
        post(this::maybeSync);
    }

    // --- block sync (client)

    /** At start: ask one peer where it is (and for the blocks this node lacks). */
    private void probe() {
        PeerNetwork net = network.get();
        List<io.zgnode.api.net.PeerInfo> peers = net == null ? List.of() : net.peers();
        if (!peers.isEmpty()) {
            requestBlocks(net, peers.get(ThreadLocalRandom.current().nextInt(peers.size())).id());
        }
    }

    private void maybeSync() {
        if (!active || syncing || closed) {
            return;
        }
        PeerNetwork net = network.get();
        if (net == null) {
            return;
        }
        long head = chain.head().number();
        PeerId best = null;
        long bestHead = head;
        for (Map.Entry<PeerId, Long> entry : peerHeads.entrySet()) {
            if (entry.getValue() > bestHead) {
                best = entry.getKey();
                bestHead = entry.getValue();
            }
        }
        if (best == null) {
            return;
        }
        boolean stalled = clock.getAsLong() - heightStartedAt > 2 * settings.rebroadcastMillis();
        if (bestHead > head + 1 || syncWanted || stalled) {
            requestBlocks(net, best);
        }
    }

    private void requestBlocks(PeerNetwork net, PeerId peer) {
        long from = chain.head().number() + 1;
        syncing = true;
        try {
            net.request(peer, SYNC_PROTOCOL, Wire.syncRequest(from, SYNC_MAX_BLOCKS), SYNC_TIMEOUT)
                    .whenComplete((response, failure) -> post(() -> synced(net, peer, from, response, failure)));
        } catch (RuntimeException e) {
            syncing = false;
            LOG.fine("block sync: request to " + peer.shortForm() + " failed: " + e);
        }
    }

    private void synced(PeerNetwork net, PeerId peer, long from, byte[] response, Throwable failure) {
        syncing = false;
        if (failure != null) {
            LOG.fine("block sync: " + peer.shortForm() + " did not answer: " + failure);
            peerHeads.remove(peer);
            return;
        }
        Wire.SyncResponse blocks;
        try {
            blocks = Wire.decodeSyncResponse(response);
        } catch (InvalidMessageException e) {
            LOG.warning("block sync: " + peer.shortForm() + " answered nonsense: " + e.getMessage());
            net.ban(peer, BAN, e.getMessage());
            return;
        }
        peerHeads.put(peer, blocks.head());
        int applied = 0;
        for (Wire.Synced entry : blocks.blocks()) {
            long height = chain.head().number() + 1;
            if (height < settings.startHeight()) {
                break;
            }
            Block block;
            try {
                Certificate certificate = Certificate.decode(entry.certificate());
                block = BlockCodec.decode(entry.block(), pool.get());
                if (block.number() != height) {
                    break; // not the block this node needs next (it moved on meanwhile)
                }
                certificate.verify(chain.chainId(), sets.at(height), height, block.hash());
            } catch (InvalidMessageException e) {
                LOG.warning("block sync: " + peer.shortForm() + " sent an unproven block: " + e.getMessage());
                net.ban(peer, BAN, "unproven block: " + e.getMessage());
                break;
            }
            if (applied == 0) {
                discardExecuted(Long.MAX_VALUE);
            }
            try {
                ExecutedBlock executed = executor.execute(block);
                executor.commit(executed, entry.certificate());
            } catch (InvalidBlockException e) {
                LOG.severe("block sync: block " + height + " " + block.hash() + " carries a valid commit certificate but does not execute here: "
                        + e.getMessage() + " (this node's state may differ from the validators')");
                break;
            }
            applied++;
            synced.incrementAndGet();
        }
        if (applied > 0) {
            LOG.info("block sync: " + applied + " blocks from " + peer.shortForm() + ", head " + chain.head().number() + " (peer's head "
                    + blocks.head() + ")");
            enterHeight(chain.head().number() + 1);
            if (blocks.head() > chain.head().number()) {
                requestBlocks(net, peer);
            }
        }
    }

    // --- network handlers (network threads)

    MessageHandler messageHandler() {
        return this::handle;
    }

    RequestHandler blockServer() {
        return this::serve;
    }

    private Verdict handle(PeerId from, byte[] message) {
        if (closed) {
            return Verdict.IGNORE;
        }
        try {
            Wire.Message decoded = Wire.decode(message);
            switch (decoded.kind()) {
                case Wire.STATUS -> {
                    List<RlpItem> f = decoded.body().items();
                    long head = f.get(0).asLong();
                    peerHeads.merge(from, head, Math::max);
                    if (head > chain.head().number()) {
                        post(this::maybeSync);
                    }
                    return Verdict.IGNORE;
                }
                case Wire.VOTE -> {
                    Vote vote = Messages.vote(decoded.body());
                    Verdict window = window(from, vote.height());
                    if (window != null) {
                        return window;
                    }
                    Hash digest = digest(Messages.encode(vote));
                    if (seen.containsKey(digest)) {
                        return Verdict.IGNORE; // sent again: verified before
                    }
                    ValidatorSet set = sets.at(vote.height());
                    if (!set.verify(vote.validator(), Messages.voteSignBytes(chain.chainId(), vote), vote.signature())) {
                        return Verdict.REJECT;
                    }
                    if (seen.put(digest, Boolean.TRUE) != null) {
                        return Verdict.IGNORE;
                    }
                    post(() -> core.onVote(vote));
                    return Verdict.ACCEPT;
                }
                default -> {
                    List<RlpItem> parts = decoded.body().items();
                    Proposal proposal = Messages.proposal(parts.get(0));
                    byte[] block = parts.get(1).bytes();
                    Verdict window = window(from, proposal.height());
                    if (window != null) {
                        return window;
                    }
                    Hash digest = digest(Messages.encode(proposal));
                    if (seen.containsKey(digest)) {
                        return Verdict.IGNORE;
                    }
                    ValidatorSet set = sets.at(proposal.height());
                    if (!set.contains(proposal.proposer()) || set.proposer(proposal.height(), proposal.round()) != proposal.proposer()
                            || !set.verify(proposal.proposer(), Messages.proposalSignBytes(chain.chainId(), proposal), proposal.signature())) {
                        return Verdict.REJECT;
                    }
                    BlockHeader header = BlockCodec.header(block);
                    if (!header.hash().equals(proposal.value()) || header.number() != proposal.height()) {
                        return Verdict.REJECT;
                    }
                    if (seen.put(digest, Boolean.TRUE) != null) {
                        return Verdict.IGNORE;
                    }
                    post(() -> onProposalMessage(proposal, block));
                    return Verdict.ACCEPT;
                }
            }
        } catch (InvalidMessageException | RuntimeException e) {
            LOG.fine("consensus message from " + from.shortForm() + " refused: " + e.getMessage());
            return Verdict.REJECT;
        }
    }

    /** IGNORE for heights this node cannot use now (noting a peer ahead), null for the current and next. */
    private Verdict window(PeerId from, long height) {
        long current = currentHeight;
        if (height < Math.max(current, settings.startHeight())) {
            return Verdict.IGNORE;
        }
        if (height > current + 1) {
            peerHeads.merge(from, height - 1, Math::max);
            post(this::maybeSync);
            return Verdict.IGNORE;
        }
        return null;
    }

    private static Hash digest(byte[] signed) {
        return Hash.of(Keccak256.hash(signed));
    }

    private byte[] serve(PeerId from, byte[] request) throws InvalidRequestException {
        long start;
        long max;
        try {
            List<RlpItem> f = RlpItem.decode(request).items();
            start = f.get(0).asLong();
            max = f.get(1).asLong();
        } catch (RuntimeException e) {
            throw new InvalidRequestException("a block sync request is rlp([fromHeight, maxBlocks])");
        }
        if (start < 1 || max < 1) {
            throw new InvalidRequestException("block sync: fromHeight and maxBlocks must be positive");
        }
        PeerNetwork net = network.get();
        int budget = (net == null ? DEFAULT_MAX_MESSAGE : net.maxMessageBytes()) - RESPONSE_MARGIN;
        long head = chain.head().number();
        List<Wire.Synced> blocks = new ArrayList<>();
        int size = 0;
        for (long n = start; n <= head && n < start + Math.min(max, SYNC_MAX_BLOCKS); n++) {
            byte[] certificate = executor.certificate(n);
            if (certificate.length == 0) {
                break; // not decided by this engine: nothing to prove it with
            }
            Block block = chain.block(n).orElse(null);
            if (block == null) {
                break;
            }
            byte[] encoded = BlockCodec.encode(block);
            size += encoded.length + certificate.length + 16;
            if (size > budget) {
                break;
            }
            blocks.add(new Wire.Synced(encoded, certificate));
        }
        return Wire.syncResponse(head, blocks);
    }

    // --- status and metrics

    private io.zgnode.api.consensus.Validator selfValidator() {
        if (key == null) {
            return null;
        }
        ValidatorSet set = sets.at(currentHeight);
        int index = set.indexOf(key.publicKey());
        return index < 0 ? null : set.validator(index);
    }

    private void publishStatus() {
        BlockHeader head = chain.head();
        String step;
        long height;
        int round;
        if (!active) {
            step = "waiting for height " + (settings.startHeight() - 1) + " (head " + head.number() + ")";
            height = head.number() + 1;
            round = 0;
        } else {
            step = syncing ? "sync" : core.step().label();
            height = core.height();
            round = core.round();
        }
        status = new ConsensusStatus(ENGINE, height, round, step, head.hash(), sets.at(height).validators(), selfValidator());
    }

    ConsensusStatus status() {
        return status;
    }

    void collect(MetricWriter out) {
        ConsensusStatus now = status;
        out.gauge("zgnode_bft_height", "Height being decided by the BFT engine", now.height());
        out.gauge("zgnode_bft_round", "Round at that height", now.round());
        out.gauge("zgnode_bft_last_height_rounds", "Rounds the last decided height took", lastRounds);
        out.gauge("zgnode_bft_commit_latency_seconds", "Time from the start of the last decided height to its commit", lastCommitMillis / 1000.0);
        out.counter("zgnode_bft_commits_total", "Blocks decided and committed by this engine", commits.get());
        out.counter("zgnode_bft_rounds_total", "Rounds of the heights decided (divide by commits for rounds per height)", roundsTotal.get());
        out.counter("zgnode_bft_synced_blocks_total", "Blocks committed through block sync", synced.get());
        out.counter("zgnode_bft_evidence_total", "Equivocations recorded (both statements kept for slashing)", evidence.count());
        out.gauge("zgnode_bft_validators", "Validators in the set", now.validators().size());
        out.gauge("zgnode_bft_peers_ahead", "Peers known to be ahead of this node", peerHeads.values().stream()
                .filter(h -> h > now.height() - 1).count());
    }

    EvidenceStore evidenceStore() {
        return evidence;
    }

    StoreWal wal() {
        return wal;
    }

    /** A block proposed at the current (or next) height, and what this node made of it. */
    private static final class Candidate {
        final long height;
        final Hash hash;
        final byte[] encoded;
        /** The proposer and polka round of the first proposal it came with (-1: from the log). */
        final int proposer;
        final int polRound;
        Block block;
        ExecutedBlock executed;
        Boolean valid;

        Candidate(long height, Hash hash, byte[] encoded, int proposer, int polRound) {
            this.height = height;
            this.hash = hash;
            this.encoded = encoded;
            this.proposer = proposer;
            this.polRound = polRound;
        }
    }
}
