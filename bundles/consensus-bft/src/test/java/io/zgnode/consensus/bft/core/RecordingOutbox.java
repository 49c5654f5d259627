package io.zgnode.consensus.bft.core;

import java.util.ArrayList;
import java.util.List;

import io.zgnode.api.chain.Hash;

/** Records what a core asks for, for tests that drive one core by hand. */
class RecordingOutbox implements Outbox {

    final List<Proposal> proposals = new ArrayList<>();
    final List<Vote> votes = new ArrayList<>();
    final List<Timeout> timeouts = new ArrayList<>();
    final List<long[]> valueRequests = new ArrayList<>();
    final List<Hash> validations = new ArrayList<>();
    final List<Certificate> decisions = new ArrayList<>();
    final List<Evidence> evidence = new ArrayList<>();

    @Override
    public void broadcast(Proposal proposal) {
        proposals.add(proposal);
    }

    @Override
    public void broadcast(Vote vote) {
        votes.add(vote);
    }

    @Override
    public void schedule(Timeout timeout) {
        timeouts.add(timeout);
    }

    @Override
    public void requestValue(long height, int round) {
        valueRequests.add(new long[] {height, round});
    }

    @Override
    public void requestValidation(long height, Hash value) {
        validations.add(value);
    }

    @Override
    public void decided(Certificate certificate) {
        decisions.add(certificate);
    }

    @Override
    public void evidence(Evidence found) {
        evidence.add(found);
    }

    Vote lastVote(VoteType type) {
        for (int i = votes.size() - 1; i >= 0; i--) {
            if (votes.get(i).type() == type) {
                return votes.get(i);
            }
        }
        return null;
    }

    Timeout lastTimeout(Step step) {
        for (int i = timeouts.size() - 1; i >= 0; i--) {
            if (timeouts.get(i).step() == step) {
                return timeouts.get(i);
            }
        }
        return null;
    }
}
