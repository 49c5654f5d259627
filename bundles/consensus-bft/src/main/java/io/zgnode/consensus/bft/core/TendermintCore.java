package io.zgnode.consensus.bft.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Keccak256;
import io.zgnode.ethereum.RlpItem;

/**
 * The Tendermint consensus algorithm (Buchman, Kwon, Milosevic, "The latest gossip on BFT
 * consensus", 2018, Algorithm 1) for one node, as a deterministic state machine: no threads, no
 * clock, no I/O of its own. Inputs are proposals, votes, timeouts, the blocks it asked for and the
 * outcome of executing proposed blocks; outputs go to an {@link Outbox} (messages to send,
 * timeouts to schedule, the decision with its certificate, evidence) and to a {@link Wal} (what
 * this node signed, durable before it is sent). Fed the same inputs in the same order, it gives
 * the same outputs. The rules are labelled with the line numbers of the paper's Algorithm 1.
 * <p>
 * Values are blocks, named by their hash; what a block contains and whether it is valid is the
 * environment's business ({@link Outbox#requestValidation}). Voting power is stake: "2f+1" reads
 * "more than two thirds of the total power" and "f+1" "more than one third"
 * ({@link ValidatorSet}).
 * <p>
 * A node without a key, or whose key is not in the set, follows: it tracks rounds, checks blocks
 * and decides as the validators do, but signs nothing.
 * <p>
 * Not thread-safe: one thread feeds it. Public methods must not be called from inside an
 * {@link Outbox} method.
 */
public final class TendermintCore {

    /** Test-only misbehaviour, for fault tests. */
    public enum Misbehavior {
        NONE,
        /** Sign and send, next to each vote, a conflicting one (another block, or nil). */
        EQUIVOCATE
    }

    /** What became of an input message. */
    public enum Result {
        /** New and valid: counted. */
        ADDED,
        /** Known already. */
        DUPLICATE,
        /** Valid, but conflicts with what the sender signed before: recorded as evidence. */
        CONFLICT,
        /** For the next height: kept until it starts. */
        BUFFERED,
        /** Valid but of no use (another height, too far ahead). */
        IGNORED,
        /** Badly signed, from a non-validator, or a proposal from another than the round's proposer. */
        INVALID
    }

    private static final Logger LOG = Logger.getLogger(TendermintCore.class.getName());
    /** Rounds ahead of the current one for which messages are kept. */
    public static final int MAX_ROUNDS_AHEAD = 1_000;
    /** Rounds behind the current one whose own votes {@link #ownMessages()} re-sends. */
    private static final int RESEND_ROUNDS = 2;

    private final long chainId;
    private final Timeouts timeouts;
    private final ValidatorKey key;
    private final Wal wal;
    private final Outbox out;
    private final Misbehavior misbehavior;

    private long height = -1;
    private ValidatorSet set;
    private int self = -1;
    private int round;
    private Step step = Step.COMMIT;
    private int lockedRound = -1;
    private Hash lockedValue;
    private int validRound = -1;
    private Hash validValue;
    private boolean decided;
    private boolean valueRequested;
    private final TreeMap<Integer, RoundState> rounds = new TreeMap<>();
    private final Map<Hash, Boolean> validity = new HashMap<>();
    private final Set<Hash> validationRequested = new HashSet<>();
    private final Set<Hash> missingReported = new HashSet<>();
    private final Map<Long, Vote> ownVotes = new HashMap<>();
    private final Map<Integer, Proposal> ownProposals = new HashMap<>();
    private final List<Object> future = new ArrayList<>();

    /**
     * @param key this node's validator key, or {@code null} to follow only
     * @param wal where signed messages are recorded; may be {@code null} only without a key
     */
    public TendermintCore(long chainId, Timeouts timeouts, ValidatorKey key, Wal wal, Outbox out, Misbehavior misbehavior) {
        if (key != null && wal == null) {
            throw new IllegalArgumentException("a validator needs a write-ahead log");
        }
        this.chainId = chainId;
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.key = key;
        this.wal = wal;
        this.out = Objects.requireNonNull(out, "out");
        this.misbehavior = misbehavior == null ? Misbehavior.NONE : misbehavior;
    }

    // --- inputs

    /**
     * Starts deciding {@code height} (the head's + 1) with {@code set}. What this node recorded in
     * its write-ahead log at that height (after a restart) is taken up again: its lock, its round,
     * and the votes and proposal it signed, which it sends again and will not contradict.
     */
    public void startHeight(long height, ValidatorSet set) {
        this.height = height;
        this.set = Objects.requireNonNull(set, "set");
        this.self = key == null ? -1 : set.indexOf(key.publicKey());
        this.round = 0;
        this.step = Step.PROPOSE;
        this.lockedRound = -1;
        this.lockedValue = null;
        this.validRound = -1;
        this.validValue = null;
        this.decided = false;
        this.valueRequested = false;
        rounds.clear();
        validity.clear();
        validationRequested.clear();
        missingReported.clear();
        ownVotes.clear();
        ownProposals.clear();
        int startRound = 0;
        if (wal != null) {
            wal.prune(height);
        }
        if (self >= 0) {
            Wal.Recorded recorded = wal.load(height);
            if (recorded.state() != null) {
                LockState state = recorded.state();
                startRound = state.round();
                lockedRound = state.lockedRound();
                lockedValue = state.lockedValue();
                validRound = state.validRound();
                validValue = state.validValue();
            }
            for (Vote vote : recorded.votes()) {
                if (vote.height() == height && vote.validator() == self) {
                    ownVotes.put(voteKey(vote.round(), vote.type()), vote);
                    addVote(vote);
                    startRound = Math.max(startRound, vote.round());
                }
            }
            for (Proposal proposal : recorded.proposals()) {
                if (proposal.height() == height && proposal.proposer() == self) {
                    ownProposals.put(proposal.round(), proposal);
                    roundState(proposal.round()).setProposal(proposal);
                    startRound = Math.max(startRound, proposal.round());
                }
            }
            if (recorded.state() != null || !recorded.votes().isEmpty()) {
                LOG.info("height " + height + ": resuming at round " + startRound + " from the write-ahead log (locked round " + lockedRound
                        + ", valid round " + validRound + ", " + recorded.votes().size() + " own votes)");
            }
        }
        startRound(startRound);
        List<Object> buffered = new ArrayList<>(future);
        future.clear();
        for (Object message : buffered) {
            if (message instanceof Vote vote) {
                acceptVote(vote);
            } else if (message instanceof Proposal proposal) {
                acceptProposal(proposal);
            }
        }
        evaluate();
    }

    public Result onProposal(Proposal proposal) {
        Result result = acceptProposal(proposal);
        evaluate();
        return result;
    }

    public Result onVote(Vote vote) {
        Result result = acceptVote(vote);
        evaluate();
        return result;
    }

    /** A timeout this core scheduled has expired (lines 57-66). */
    public void onTimeout(Timeout timeout) {
        if (timeout.height() != height || decided || set == null) {
            return;
        }
        switch (timeout.step()) {
            case PROPOSE -> {
                if (timeout.round() == round && step == Step.PROPOSE) {
                    prevote(null);
                }
            }
            case PREVOTE -> {
                if (timeout.round() == round && step == Step.PREVOTE) {
                    precommit(null);
                }
            }
            case PRECOMMIT -> {
                if (timeout.round() == round) {
                    startRound(round + 1);
                }
            }
            default -> {
            }
        }
        evaluate();
    }

    /** The block this node asked to propose at (height, round) is built and valid. */
    public void onValue(long height, int round, Hash value) {
        if (height != this.height || round != this.round || step != Step.PROPOSE || decided || !valueRequested) {
            return;
        }
        valueRequested = false;
        if (roundState(round).proposal != null) {
            return;
        }
        validity.put(value, Boolean.TRUE);
        propose(value, -1);
        evaluate();
    }

    /** The outcome of checking a proposed block this core asked about. */
    public void onValidity(long height, Hash value, boolean valid) {
        if (height != this.height || set == null) {
            return;
        }
        validity.put(value, valid);
        evaluate();
    }

    // --- reading

    public long height() {
        return height;
    }

    public int round() {
        return round;
    }

    public Step step() {
        return step;
    }

    public ValidatorSet validators() {
        return set;
    }

    /** This node's index in the set, or -1 when it follows. */
    public int self() {
        return self;
    }

    public int lockedRound() {
        return lockedRound;
    }

    public Hash lockedValue() {
        return lockedValue;
    }

    public int validRound() {
        return validRound;
    }

    public Hash validValue() {
        return validValue;
    }

    public boolean isDecided() {
        return decided;
    }

    /** The proposal received for a round of the current height, or {@code null}. */
    public Proposal proposal(int round) {
        RoundState state = rounds.get(round);
        return state == null ? null : state.proposal;
    }

    /** The blocks proposed at the current height, any round. */
    public Set<Hash> proposedValues() {
        Set<Hash> values = new HashSet<>();
        for (RoundState state : rounds.values()) {
            if (state.proposal != null) {
                values.add(state.proposal.value());
            }
        }
        return values;
    }

    /**
     * What this node should send again while the height lasts, because gossip may have lost it:
     * its proposal of the current round and its votes of the last rounds.
     */
    public List<Object> ownMessages() {
        List<Object> messages = new ArrayList<>();
        if (decided || self < 0) {
            return messages;
        }
        Proposal proposal = ownProposals.get(round);
        if (proposal != null) {
            messages.add(proposal);
        }
        for (int r = Math.max(0, round - RESEND_ROUNDS); r <= round; r++) {
            for (VoteType type : VoteType.values()) {
                Vote vote = ownVotes.get(voteKey(r, type));
                if (vote != null) {
                    messages.add(vote);
                }
            }
        }
        return messages;
    }

    // --- message intake

    private Result acceptProposal(Proposal proposal) {
        if (set == null) {
            return Result.IGNORED;
        }
        if (proposal.height() == height + 1) {
            return buffer(proposal);
        }
        if (proposal.height() != height || decided || proposal.round() > round + MAX_ROUNDS_AHEAD) {
            return Result.IGNORED;
        }
        if (!set.contains(proposal.proposer()) || proposal.proposer() != set.proposer(height, proposal.round())
                || proposal.polRound() >= proposal.round()
                || !set.verify(proposal.proposer(), Messages.proposalSignBytes(chainId, proposal), proposal.signature())) {
            return Result.INVALID;
        }
        RoundState state = roundState(proposal.round());
        if (state.proposal != null) {
            if (state.proposal.sameContent(proposal)) {
                return Result.DUPLICATE;
            }
            if (!state.proposalEvidence) {
                state.proposalEvidence = true;
                out.evidence(Evidence.of(state.proposal, proposal));
            }
            return Result.CONFLICT;
        }
        state.setProposal(proposal);
        return Result.ADDED;
    }

    private Result acceptVote(Vote vote) {
        if (set == null) {
            return Result.IGNORED;
        }
        if (vote.height() == height + 1) {
            return buffer(vote);
        }
        if (vote.height() != height || decided || vote.round() > round + MAX_ROUNDS_AHEAD) {
            return Result.IGNORED;
        }
        if (!set.contains(vote.validator()) || !set.verify(vote.validator(), Messages.voteSignBytes(chainId, vote), vote.signature())) {
            return Result.INVALID;
        }
        return addVote(vote);
    }

    private Result addVote(Vote vote) {
        RoundState state = roundState(vote.round());
        VoteSet votes = state.votes(vote.type());
        Vote known = votes.get(vote.validator());
        if (known != null) {
            if (known.sameContent(vote)) {
                return Result.DUPLICATE;
            }
            if (state.evidenceReported.add(voteKey(vote.validator(), vote.type()))) {
                out.evidence(Evidence.of(known, vote));
            }
            return Result.CONFLICT;
        }
        votes.add(vote);
        state.sender(vote.validator());
        return Result.ADDED;
    }

    private Result buffer(Object message) {
        if (future.size() >= 16 * set.size() + 64) {
            return Result.IGNORED;
        }
        future.add(message);
        return Result.BUFFERED;
    }

    // --- the algorithm

    private void evaluate() {
        while (!decided && set != null && evaluateOnce()) {
            // each pass applies at most one rule; repeat until none applies
        }
    }

    /** Applies the first rule whose condition holds; false when none does. */
    private boolean evaluateOnce() {
        // line 49: more than 2/3 precommits for a block in any round decide it
        for (RoundState state : rounds.values()) {
            Hash value = state.precommits.quorumValue();
            if (value == null) {
                continue;
            }
            if (proposedValues().contains(value)) {
                Boolean valid = validity(value);
                if (Boolean.TRUE.equals(valid)) {
                    decide(state.round, value);
                    return false;
                }
            } else if (missingReported.add(value)) {
                out.valueMissing(height, state.round, value);
            }
        }
        // line 55: more than 1/3 of the power is in a later round: go there
        for (RoundState state : rounds.tailMap(round, false).descendingMap().values()) {
            if (set.exceedsOneThird(state.senderPower)) {
                startRound(state.round);
                return true;
            }
        }
        RoundState current = roundState(round);
        Proposal proposal = current.proposal;
        if (step == Step.PROPOSE && proposal != null) {
            if (proposal.polRound() == -1) {
                // line 22
                Boolean valid = validity(proposal.value());
                if (valid != null) {
                    boolean acceptable = valid && (lockedRound == -1 || proposal.value().equals(lockedValue));
                    prevote(acceptable ? proposal.value() : null);
                    return true;
                }
            } else {
                // line 28
                RoundState pol = rounds.get(proposal.polRound());
                if (pol != null && set.isQuorum(pol.prevotes.power(proposal.value()))) {
                    Boolean valid = validity(proposal.value());
                    if (valid != null) {
                        boolean acceptable = valid && (lockedRound <= proposal.polRound() || proposal.value().equals(lockedValue));
                        prevote(acceptable ? proposal.value() : null);
                        return true;
                    }
                }
            }
        }
        // line 34
        if (step == Step.PREVOTE && !current.prevoteTimeoutScheduled && set.isQuorum(current.prevotes.totalPower())) {
            current.prevoteTimeoutScheduled = true;
            out.schedule(new Timeout(height, round, Step.PREVOTE, timeouts.prevote(round)));
            return true;
        }
        // line 36
        if ((step == Step.PREVOTE || step == Step.PRECOMMIT) && proposal != null && !current.polkaSeen
                && set.isQuorum(current.prevotes.power(proposal.value()))) {
            Boolean valid = validity(proposal.value());
            if (Boolean.TRUE.equals(valid)) {
                current.polkaSeen = true;
                validValue = proposal.value();
                validRound = round;
                if (step == Step.PREVOTE) {
                    lockedValue = proposal.value();
                    lockedRound = round;
                    precommit(proposal.value());
                }
                return true;
            }
        }
        // line 44
        if (step == Step.PREVOTE && set.isQuorum(current.prevotes.nilPower())) {
            precommit(null);
            return true;
        }
        // line 47
        if (!current.precommitTimeoutScheduled && set.isQuorum(current.precommits.totalPower())) {
            current.precommitTimeoutScheduled = true;
            out.schedule(new Timeout(height, round, Step.PRECOMMIT, timeouts.precommit(round)));
            return true;
        }
        return false;
    }

    /** Line 11: StartRound. */
    private void startRound(int newRound) {
        round = newRound;
        step = Step.PROPOSE;
        valueRequested = false;
        roundState(newRound);
        out.schedule(new Timeout(height, newRound, Step.PROPOSE, timeouts.propose(newRound)));
        // after a restart: the votes signed in this round before stand, and are sent again
        Vote prevote = ownVotes.get(voteKey(newRound, VoteType.PREVOTE));
        Vote precommit = ownVotes.get(voteKey(newRound, VoteType.PRECOMMIT));
        if (prevote != null) {
            step = Step.PREVOTE;
            out.broadcast(prevote);
        }
        if (precommit != null) {
            step = Step.PRECOMMIT;
            out.broadcast(precommit);
        }
        if (self >= 0 && set.proposer(height, newRound) == self) {
            Proposal own = ownProposals.get(newRound);
            if (own != null) {
                out.broadcast(own);
            } else if (step == Step.PROPOSE) {
                if (validValue != null) {
                    propose(validValue, validRound);
                } else {
                    valueRequested = true;
                    out.requestValue(height, newRound);
                }
            }
        }
    }

    private void propose(Hash value, int polRound) {
        Proposal proposal = ownProposals.get(round);
        if (proposal == null) {
            proposal = Messages.signProposal(chainId, height, round, polRound, value, self, key);
            wal.record(proposal, lockState());
            ownProposals.put(round, proposal);
        }
        out.broadcast(proposal);
        RoundState state = roundState(round);
        if (state.proposal == null) {
            state.setProposal(proposal);
        }
    }

    private void prevote(Hash value) {
        if (self >= 0) {
            castVote(VoteType.PREVOTE, value);
        }
        step = Step.PREVOTE;
    }

    private void precommit(Hash value) {
        if (self >= 0) {
            castVote(VoteType.PRECOMMIT, value);
        }
        step = Step.PRECOMMIT;
    }

    /** Signs (unless the log holds this step's vote already, which stands), records, counts and sends a vote. */
    private void castVote(VoteType type, Hash value) {
        long voteKey = voteKey(round, type);
        Vote vote = ownVotes.get(voteKey);
        if (vote == null) {
            vote = Messages.signVote(chainId, type, height, round, value, self, key);
            wal.record(vote, lockState());
            ownVotes.put(voteKey, vote);
            addVote(vote);
        } else if (!Objects.equals(vote.value(), value)) {
            LOG.warning("height " + height + " round " + round + ": keeping the " + type.name().toLowerCase() + " signed before ("
                    + vote + ") rather than signing another");
        }
        out.broadcast(vote);
        if (misbehavior == Misbehavior.EQUIVOCATE) {
            Hash other = value == null ? Hash.of(Keccak256.hash(RlpItem.list(RlpItem.of(height), RlpItem.of(round)).encode())) : null;
            out.broadcast(Messages.signVote(chainId, type, height, round, other, self, key));
        }
    }

    private void decide(int decisionRound, Hash value) {
        decided = true;
        step = Step.COMMIT;
        List<Vote> precommits = rounds.get(decisionRound).precommits.votesFor(value);
        out.decided(Certificate.of(height, decisionRound, value, precommits));
    }

    /** Whether a block is valid; unknown ({@code null}) until checked, and asked for once. */
    private Boolean validity(Hash value) {
        Boolean valid = validity.get(value);
        if (valid == null && validationRequested.add(value)) {
            out.requestValidation(height, value);
        }
        return valid;
    }

    private LockState lockState() {
        return new LockState(height, round, lockedRound, lockedValue, validRound, validValue);
    }

    private RoundState roundState(int r) {
        return rounds.computeIfAbsent(r, n -> new RoundState(n, set));
    }

    private static long voteKey(int round, VoteType type) {
        return ((long) round << 2) | type.code();
    }

    /** Everything seen in one round of the current height. */
    private static final class RoundState {
        final int round;
        final VoteSet prevotes;
        final VoteSet precommits;
        final boolean[] senders;
        final Set<Long> evidenceReported = new HashSet<>();
        long senderPower;
        Proposal proposal;
        boolean proposalEvidence;
        boolean prevoteTimeoutScheduled;
        boolean precommitTimeoutScheduled;
        boolean polkaSeen;
        private final ValidatorSet set;

        RoundState(int round, ValidatorSet set) {
            this.round = round;
            this.set = set;
            this.prevotes = new VoteSet(set);
            this.precommits = new VoteSet(set);
            this.senders = new boolean[set.size()];
        }

        VoteSet votes(VoteType type) {
            return type == VoteType.PREVOTE ? prevotes : precommits;
        }

        void setProposal(Proposal proposal) {
            this.proposal = proposal;
            sender(proposal.proposer());
        }

        void sender(int validator) {
            if (!senders[validator]) {
                senders[validator] = true;
                senderPower += set.power(validator);
            }
        }
    }
}
