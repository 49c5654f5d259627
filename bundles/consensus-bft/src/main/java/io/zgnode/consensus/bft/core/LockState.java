package io.zgnode.consensus.bft.core;

import io.zgnode.api.chain.Hash;

/**
 * What a validator must remember across a restart at a height: the round it reached, its lock
 * and its valid value. Recorded with every vote and proposal it signs, before they leave.
 *
 * @param lockedRound -1 when not locked
 * @param lockedValue {@code null} when not locked
 * @param validRound -1 when there is no valid value
 * @param validValue {@code null} when there is no valid value
 */
public record LockState(long height, int round, int lockedRound, Hash lockedValue, int validRound, Hash validValue) {

    public static LockState initial(long height) {
        return new LockState(height, 0, -1, null, -1, null);
    }
}
