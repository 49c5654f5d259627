package io.zgnode.consensus.bft.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A write-ahead log in memory that survives a simulated crash (the object outlives the core). */
final class MemoryWal implements Wal {

    final Map<Long, LockState> states = new TreeMap<>();
    final List<Vote> votes = new ArrayList<>();
    final List<Proposal> proposals = new ArrayList<>();
    int records;

    @Override
    public Recorded load(long height) {
        List<Vote> v = votes.stream().filter(vote -> vote.height() == height).toList();
        List<Proposal> p = proposals.stream().filter(proposal -> proposal.height() == height).toList();
        LockState state = states.get(height);
        return state == null && v.isEmpty() && p.isEmpty() ? Recorded.EMPTY : new Recorded(state, v, p);
    }

    @Override
    public void record(Vote vote, LockState state) {
        for (Vote known : votes) {
            if (known.height() == vote.height() && known.round() == vote.round() && known.type() == vote.type()) {
                throw new AssertionError("a second " + vote.type() + " recorded for " + vote.height() + "/" + vote.round() + ": " + known + " then "
                        + vote);
            }
        }
        votes.add(vote);
        states.put(state.height(), state);
        records++;
    }

    @Override
    public void record(Proposal proposal, LockState state) {
        proposals.add(proposal);
        states.put(state.height(), state);
        records++;
    }

    @Override
    public void prune(long height) {
        votes.removeIf(v -> v.height() < height);
        proposals.removeIf(p -> p.height() < height);
        states.keySet().removeIf(h -> h < height);
    }
}
