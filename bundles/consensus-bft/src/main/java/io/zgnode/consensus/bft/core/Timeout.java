package io.zgnode.consensus.bft.core;

/** A timeout the core asks for: call {@link TendermintCore#onTimeout} with it after {@code delayMillis}. */
public record Timeout(long height, int round, Step step, long delayMillis) {
}
