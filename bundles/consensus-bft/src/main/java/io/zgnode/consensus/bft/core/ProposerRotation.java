package io.zgnode.consensus.bft.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zgnode.api.chain.Address;

/**
 * Weighted round-robin by "proposer priority", as Tendermint/CometBFT choose proposers: at each
 * step every validator's priority grows by its power, the one with the highest priority (ties:
 * the lower address) proposes, and its priority drops by the total power. Over any window of
 * {@code totalPower} steps each validator proposes exactly {@code power} times, spread evenly
 * rather than in runs. For a fixed set the selection depends only on the step number; the
 * proposer of {@code (height, round)} is the one selected at step {@code height + round}, as in
 * CometBFT where each height advances the priorities once and each round once more.
 * <p>
 * The sequence is periodic with period {@code totalPower}; when that is small the step number is
 * reduced modulo it, otherwise the priorities are advanced from the last step computed (a node
 * starting at height h pays h steps once). Thread-safe.
 */
final class ProposerRotation {

    /** Periods up to this many steps are used to reduce step numbers. */
    static final long PERIOD_LIMIT = 1 << 22;
    private static final int MEMO = 256;

    private final long[] powers;
    private final List<Address> addresses;
    private final long total;
    private final long[] priorities;
    /** Steps applied to {@link #priorities}. */
    private long applied;
    private final Map<Long, Integer> memo = new LinkedHashMap<>(MEMO, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Integer> eldest) {
            return size() > MEMO;
        }
    };

    ProposerRotation(long[] powers, List<Address> addresses) {
        this.powers = powers.clone();
        this.addresses = List.copyOf(addresses);
        long sum = 0;
        for (long power : powers) {
            sum += power;
        }
        this.total = sum;
        this.priorities = new long[powers.length];
    }

    /** The index selected at step {@code step} (0-based). */
    synchronized int proposerAt(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("negative step " + step);
        }
        long reduced = total <= PERIOD_LIMIT ? step % total : step;
        Integer known = memo.get(reduced);
        if (known != null) {
            return known;
        }
        if (reduced < applied) {
            java.util.Arrays.fill(priorities, 0);
            applied = 0;
        }
        int selected = -1;
        while (applied <= reduced) {
            selected = advance();
            memo.put(applied, selected);
            applied++;
        }
        return selected;
    }

    private int advance() {
        int best = 0;
        for (int i = 0; i < priorities.length; i++) {
            priorities[i] += powers[i];
            if (i > 0 && (priorities[i] > priorities[best]
                    || priorities[i] == priorities[best] && addresses.get(i).compareTo(addresses.get(best)) < 0)) {
                best = i;
            }
        }
        priorities[best] -= total;
        return best;
    }
}
