package io.zgnode.ledger.execution;

import java.util.List;

import io.zgnode.api.chain.Log;

/**
 * What running a call gave.
 *
 * @param output the return data on success, the revert data on failure
 * @param gasLeft gas not used (0 after running out)
 * @param logs the events emitted (none when it failed)
 */
public record CallResult(boolean success, byte[] output, long gasLeft, List<Log> logs) {
}
