package io.zgnode.consensus.bft.core;

import static io.zgnode.consensus.bft.core.TestValidators.CHAIN_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.zgnode.api.chain.Hash;
import io.zgnode.consensus.bft.core.TendermintCore.Result;

/** One core driven by hand with messages signed by the other validators' keys. */
class CoreScenarioTest {

    private static final Timeouts TIMEOUTS = new Timeouts(1000, 500, 500, 250, 100);

    private final ValidatorSet set = TestValidators.set(1, 1, 1, 1);
    private final RecordingOutbox out = new RecordingOutbox();
    private final MemoryWal wal = new MemoryWal();

    private TendermintCore core(int self) {
        return new TendermintCore(CHAIN_ID, TIMEOUTS, TestValidators.key(self), wal, out, TendermintCore.Misbehavior.NONE);
    }

    private static Vote vote(int validator, VoteType type, long height, int round, Hash value) {
        return Messages.signVote(CHAIN_ID, type, height, round, value, validator, TestValidators.key(validator));
    }

    private Proposal proposal(long height, int round, int polRound, Hash value) {
        int proposer = set.proposer(height, round);
        return Messages.signProposal(CHAIN_ID, height, round, polRound, value, proposer, TestValidators.key(proposer));
    }

    /** A validator that is none of the given ones. */
    private int other(int... not) {
        for (int i = 0; i < set.size(); i++) {
            boolean taken = false;
            for (int n : not) {
                taken |= n == i;
            }
            if (!taken) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    @Test
    void aSingleValidatorCommitsEveryBlockAloneInRoundZero() {
        ValidatorSet alone = TestValidators.set(1);
        TendermintCore core = new TendermintCore(CHAIN_ID, TIMEOUTS, TestValidators.key(0), wal, out, TendermintCore.Misbehavior.NONE);
        for (long height = 1; height <= 3; height++) {
            core.startHeight(height, alone);
            assertThat(out.valueRequests).last().satisfies(request -> assertThat(request).containsExactly(core.height(), 0));
            Hash value = TestValidators.value("block " + height);
            core.onValue(height, 0, value);

            Certificate certificate = out.decisions.get((int) height - 1);
            assertThat(certificate.height()).isEqualTo(height);
            assertThat(certificate.round()).isZero();
            assertThat(certificate.value()).isEqualTo(value);
            assertThat(certificate.signatures()).hasSize(1);
        }
        assertThat(out.votes).hasSize(6);
    }

    @Test
    void aLockedValidatorPrevotesNilForAnotherBlockAndProposesItsValidBlockAgainWithItsPolkaRound() {
        // the node under test proposes in round 2 and did not propose in rounds 0 and 1
        int self = set.proposer(1, 2);
        assertThat(set.proposer(1, 0)).isNotEqualTo(self);
        assertThat(set.proposer(1, 1)).isNotEqualTo(self);
        TendermintCore core = core(self);
        core.startHeight(1, set);
        Hash a = TestValidators.value("A");
        Hash b = TestValidators.value("B");

        // round 0: A is proposed, and a polka for A forms: the node locks on A and precommits it
        core.onProposal(proposal(1, 0, -1, a));
        core.onValidity(1, a, true);
        assertThat(out.lastVote(VoteType.PREVOTE).value()).isEqualTo(a);
        int v1 = other(self);
        int v2 = other(self, v1);
        int v3 = other(self, v1, v2);
        core.onVote(vote(v1, VoteType.PREVOTE, 1, 0, a));
        core.onVote(vote(v2, VoteType.PREVOTE, 1, 0, a));
        assertThat(out.lastVote(VoteType.PRECOMMIT).value()).isEqualTo(a);
        assertThat(core.lockedValue()).isEqualTo(a);
        assertThat(core.lockedRound()).isZero();
        assertThat(wal.states.get(1L).lockedValue()).as("the lock is in the log with the precommit").isEqualTo(a);

        // the others precommitted nil (they saw the polka too late): no decision, round 1 after the timeout
        core.onVote(vote(v1, VoteType.PRECOMMIT, 1, 0, null));
        core.onVote(vote(v2, VoteType.PRECOMMIT, 1, 0, null));
        core.onTimeout(out.lastTimeout(Step.PRECOMMIT));
        assertThat(core.round()).isEqualTo(1);

        // round 1: its proposer, which did not see the polka, proposes B: the locked node prevotes nil
        core.onProposal(proposal(1, 1, -1, b));
        core.onValidity(1, b, true);
        Vote prevote = out.lastVote(VoteType.PREVOTE);
        assertThat(prevote.round()).isEqualTo(1);
        assertThat(prevote.value()).as("locked on A, B is refused").isNull();

        // no polka for B: nil prevotes, nil precommits, round 2
        core.onVote(vote(v1, VoteType.PREVOTE, 1, 1, null));
        core.onVote(vote(v2, VoteType.PREVOTE, 1, 1, null));
        assertThat(out.lastVote(VoteType.PRECOMMIT).value()).isNull();
        core.onVote(vote(v1, VoteType.PRECOMMIT, 1, 1, null));
        core.onVote(vote(v3, VoteType.PRECOMMIT, 1, 1, null));
        int requestsBefore = out.valueRequests.size();
        core.onTimeout(out.lastTimeout(Step.PRECOMMIT));

        // round 2: the node proposes: not a new block, but A again, with the polka round 0
        assertThat(core.round()).isEqualTo(2);
        assertThat(out.valueRequests).as("no new block is built").hasSize(requestsBefore);
        Proposal own = out.proposals.get(out.proposals.size() - 1);
        assertThat(own.value()).isEqualTo(a);
        assertThat(own.polRound()).isZero();
        assertThat(out.lastVote(VoteType.PREVOTE).value()).isEqualTo(a);

        // the others prevote A (the polka of round 0 justifies it) and commit it
        core.onVote(vote(v1, VoteType.PREVOTE, 1, 2, a));
        core.onVote(vote(v2, VoteType.PREVOTE, 1, 2, a));
        core.onVote(vote(v1, VoteType.PRECOMMIT, 1, 2, a));
        core.onVote(vote(v2, VoteType.PRECOMMIT, 1, 2, a));
        assertThat(out.decisions).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualTo(a);
            assertThat(c.round()).isEqualTo(2);
        });
    }

    @Test
    void anUnlockedValidatorAcceptsAReproposalBackedByAnEarlierPolka() {
        int self = other(set.proposer(1, 0), set.proposer(1, 1));
        TendermintCore core = core(self);
        core.startHeight(1, set);
        Hash a = TestValidators.value("A");
        int v1 = other(self);
        int v2 = other(self, v1);
        // round 0: no proposal reaches the node; it prevotes nil on timeout, and a polka for A forms without it
        core.onTimeout(out.lastTimeout(Step.PROPOSE));
        assertThat(out.lastVote(VoteType.PREVOTE).value()).isNull();
        core.onVote(vote(v1, VoteType.PREVOTE, 1, 0, a));
        core.onVote(vote(v2, VoteType.PREVOTE, 1, 0, a));
        core.onVote(vote(other(self, v1, v2), VoteType.PREVOTE, 1, 0, a));
        // it never saw the proposal, so no lock: after the timeout it precommits nil
        core.onTimeout(out.lastTimeout(Step.PREVOTE));
        assertThat(out.lastVote(VoteType.PRECOMMIT).value()).isNull();
        assertThat(core.lockedRound()).isEqualTo(-1);
        core.onVote(vote(v1, VoteType.PRECOMMIT, 1, 0, null));
        core.onVote(vote(v2, VoteType.PRECOMMIT, 1, 0, null));
        core.onTimeout(out.lastTimeout(Step.PRECOMMIT));

        // round 1: A is proposed again with polka round 0: acceptable (lockedRound -1 <= 0)
        core.onProposal(proposal(1, 1, 0, a));
        core.onValidity(1, a, true);
        assertThat(out.lastVote(VoteType.PREVOTE)).satisfies(v -> {
            assertThat(v.round()).isEqualTo(1);
            assertThat(v.value()).isEqualTo(a);
        });
    }

    @Test
    void anInvalidBlockGetsANilPrevote() {
        int self = other(set.proposer(1, 0));
        TendermintCore core = core(self);
        core.startHeight(1, set);
        Hash bad = TestValidators.value("bad");
        core.onProposal(proposal(1, 0, -1, bad));
        assertThat(out.validations).containsExactly(bad);
        assertThat(out.votes).as("waits for the check").isEmpty();
        core.onValidity(1, bad, false);
        assertThat(out.lastVote(VoteType.PREVOTE).value()).isNull();
    }

    @Test
    void twoDifferentVotesOfOneValidatorForOneStepAreEvidenceAndOnlyTheFirstCounts() {
        TendermintCore core = core(0);
        core.startHeight(1, set);
        Hash a = TestValidators.value("A");
        Hash b = TestValidators.value("B");
        Vote first = vote(2, VoteType.PREVOTE, 1, 0, a);
        Vote second = vote(2, VoteType.PREVOTE, 1, 0, b);

        assertThat(core.onVote(first)).isEqualTo(Result.ADDED);
        assertThat(core.onVote(first)).isEqualTo(Result.DUPLICATE);
        assertThat(core.onVote(second)).isEqualTo(Result.CONFLICT);
        assertThat(core.onVote(vote(2, VoteType.PREVOTE, 1, 0, null))).isEqualTo(Result.CONFLICT);

        assertThat(out.evidence).as("reported once").singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Evidence.Kind.PREVOTE);
            assertThat(e.validator()).isEqualTo(2);
            assertThat(Messages.decodeVote(e.first())).isEqualTo(first);
            assertThat(Messages.decodeVote(e.second())).isEqualTo(second);
            e.verify(CHAIN_ID, set);
            assertThat(Evidence.decode(e.encode())).isEqualTo(e);
        });
    }

    @Test
    void badSignaturesWrongProposersAndOtherChainsAreRefused() {
        TendermintCore core = core(0);
        core.startHeight(1, set);
        Hash a = TestValidators.value("A");
        Vote forged = new Vote(VoteType.PREVOTE, 1, 0, a, 2, vote(1, VoteType.PREVOTE, 1, 0, a).signature());
        assertThat(core.onVote(forged)).isEqualTo(Result.INVALID);
        Vote precommitSignatureAsPrevote = new Vote(VoteType.PREVOTE, 1, 0, a, 2, vote(2, VoteType.PRECOMMIT, 1, 0, a).signature());
        assertThat(core.onVote(precommitSignatureAsPrevote)).isEqualTo(Result.INVALID);
        Vote otherChain = Messages.signVote(CHAIN_ID + 1, VoteType.PREVOTE, 1, 0, a, 2, TestValidators.key(2));
        assertThat(core.onVote(otherChain)).isEqualTo(Result.INVALID);
        int wrong = (set.proposer(1, 0) + 1) % 4;
        Proposal notTheProposer = Messages.signProposal(CHAIN_ID, 1, 0, -1, a, wrong, TestValidators.key(wrong));
        assertThat(core.onProposal(notTheProposer)).isEqualTo(Result.INVALID);
        assertThat(core.onVote(vote(2, VoteType.PREVOTE, 7, 0, a))).isEqualTo(Result.IGNORED);
        assertThat(core.onVote(vote(2, VoteType.PREVOTE, 2, 0, a))).as("next height: kept for later").isEqualTo(Result.BUFFERED);
        assertThat(out.evidence).isEmpty();
    }

    @Test
    void conflictingProposalsAreEvidence() {
        TendermintCore core = core(other(set.proposer(1, 0)));
        core.startHeight(1, set);
        Proposal first = proposal(1, 0, -1, TestValidators.value("A"));
        Proposal second = proposal(1, 0, -1, TestValidators.value("B"));
        assertThat(core.onProposal(first)).isEqualTo(Result.ADDED);
        assertThat(core.onProposal(second)).isEqualTo(Result.CONFLICT);
        assertThat(out.evidence).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Evidence.Kind.PROPOSAL);
            assertThat(e.validator()).isEqualTo(set.proposer(1, 0));
            e.verify(CHAIN_ID, set);
        });
    }

    @Test
    void timeoutsGrowWithTheRound() {
        TendermintCore core = core(other(set.proposer(1, 0), set.proposer(1, 1), set.proposer(1, 2)));
        core.startHeight(1, set);
        for (int round = 0; round < 3; round++) {
            assertThat(core.round()).isEqualTo(round);
            Timeout propose = out.lastTimeout(Step.PROPOSE);
            assertThat(propose.delayMillis()).isEqualTo(1000 + round * 250L);
            core.onTimeout(propose);
            for (int v = 0; v < 4; v++) {
                if (v != core.self()) {
                    core.onVote(vote(v, VoteType.PREVOTE, 1, round, null));
                }
            }
            for (int v = 0; v < 4; v++) {
                if (v != core.self()) {
                    core.onVote(vote(v, VoteType.PRECOMMIT, 1, round, null));
                }
            }
            Timeout precommit = out.lastTimeout(Step.PRECOMMIT);
            assertThat(precommit.round()).isEqualTo(round);
            assertThat(precommit.delayMillis()).isEqualTo(500 + round * 250L);
            core.onTimeout(precommit);
        }
        assertThat(TIMEOUTS.prevote(10)).isEqualTo(3000);
        assertThat(new Timeouts(1000, 1000, 1000, 1_000_000, 0).propose(Integer.MAX_VALUE)).isEqualTo(Timeouts.MAX_MILLIS);
    }

    @Test
    void morethanAThirdOfThePowerInALaterRoundPullsTheNodeThere() {
        TendermintCore core = core(0);
        core.startHeight(1, set);
        core.onVote(vote(1, VoteType.PREVOTE, 1, 5, null));
        assertThat(core.round()).as("one of four is not more than a third").isZero();
        core.onVote(vote(2, VoteType.PRECOMMIT, 1, 5, null));
        assertThat(core.round()).isEqualTo(5);
    }

    @Test
    void afterARestartTheNodeResendsItsVoteAndNeverSignsAnotherForThatStep() {
        int self = other(set.proposer(1, 0));
        TendermintCore core = core(self);
        core.startHeight(1, set);
        Hash a = TestValidators.value("A");
        core.onProposal(proposal(1, 0, -1, a));
        core.onValidity(1, a, true);
        Vote signed = out.lastVote(VoteType.PREVOTE);
        assertThat(signed.value()).isEqualTo(a);
        assertThat(wal.votes).containsExactly(signed);

        // crash; a new core on the same log
        RecordingOutbox after = new RecordingOutbox();
        TendermintCore restarted = new TendermintCore(CHAIN_ID, TIMEOUTS, TestValidators.key(self), wal, after, TendermintCore.Misbehavior.NONE);
        restarted.startHeight(1, set);
        assertThat(after.votes).as("re-sent at once").containsExactly(signed);
        assertThat(restarted.step()).isEqualTo(Step.PREVOTE);

        // the proposal timeout that would make a fresh node prevote nil changes nothing
        restarted.onTimeout(new Timeout(1, 0, Step.PROPOSE, 0));
        assertThat(wal.votes).containsExactly(signed);
        // a polka for A: it precommits A (and locks) as the first instance would have
        restarted.onVote(vote(other(self), VoteType.PREVOTE, 1, 0, a));
        restarted.onProposal(proposal(1, 0, -1, a));
        restarted.onValidity(1, a, true);
        restarted.onVote(vote(other(self, other(self)), VoteType.PREVOTE, 1, 0, a));
        assertThat(after.lastVote(VoteType.PRECOMMIT).value()).isEqualTo(a);

        // a third instance keeps the lock and the round
        RecordingOutbox third = new RecordingOutbox();
        TendermintCore again = new TendermintCore(CHAIN_ID, TIMEOUTS, TestValidators.key(self), wal, third, TendermintCore.Misbehavior.NONE);
        again.startHeight(1, set);
        assertThat(again.lockedValue()).isEqualTo(a);
        assertThat(again.lockedRound()).isZero();
        assertThat(again.step()).isEqualTo(Step.PRECOMMIT);
        assertThat(third.votes).extracting(Vote::type).containsExactlyInAnyOrder(VoteType.PREVOTE, VoteType.PRECOMMIT);
        assertThat(wal.votes).hasSize(2);
    }

    @Test
    void aFollowerSignsNothingButDecidesWithTheValidators() {
        TendermintCore follower = new TendermintCore(CHAIN_ID, TIMEOUTS, null, null, out, TendermintCore.Misbehavior.NONE);
        follower.startHeight(1, set);
        assertThat(follower.self()).isEqualTo(-1);
        Hash a = TestValidators.value("A");
        follower.onProposal(proposal(1, 0, -1, a));
        for (int v = 0; v < 3; v++) {
            follower.onVote(vote(v, VoteType.PRECOMMIT, 1, 0, a));
        }
        assertThat(out.validations).containsExactly(a);
        assertThat(out.decisions).isEmpty();
        follower.onValidity(1, a, true);
        assertThat(out.decisions).singleElement().satisfies(c -> c.verify(CHAIN_ID, set, 1, a));
        assertThat(out.votes).isEmpty();
        assertThat(out.proposals).isEmpty();
    }

    @Test
    void precommitsForABlockNeverSeenAskForIt() {
        List<Hash> missing = new java.util.ArrayList<>();
        Outbox asking = new RecordingOutbox() {
            @Override
            public void valueMissing(long height, int round, Hash value) {
                missing.add(value);
            }
        };
        TendermintCore core = new TendermintCore(CHAIN_ID, TIMEOUTS, null, null, asking, TendermintCore.Misbehavior.NONE);
        core.startHeight(1, set);
        Hash a = TestValidators.value("A");
        for (int v = 0; v < 3; v++) {
            core.onVote(vote(v, VoteType.PRECOMMIT, 1, 0, a));
        }
        assertThat(missing).containsExactly(a);
    }

    @Test
    void equivocateMisbehaviorSignsTwoConflictingVotesPerStep() {
        int self = other(set.proposer(1, 0));
        TendermintCore evil = new TendermintCore(CHAIN_ID, TIMEOUTS, TestValidators.key(self), wal, out, TendermintCore.Misbehavior.EQUIVOCATE);
        evil.startHeight(1, set);
        Hash a = TestValidators.value("A");
        evil.onProposal(proposal(1, 0, -1, a));
        evil.onValidity(1, a, true);
        assertThat(out.votes).hasSize(2);
        assertThat(Evidence.of(out.votes.get(0), out.votes.get(1))).satisfies(e -> e.verify(CHAIN_ID, set));
    }
}
