package io.zgnode.ledger.execution;

import java.math.BigInteger;
import java.util.List;

import io.zgnode.api.chain.Log;

/** A transaction's effect on its block: what its receipt records. */
public record Outcome(boolean success, long gasUsed, BigInteger effectiveGasPrice, List<Log> logs, byte[] revertData) {
}
