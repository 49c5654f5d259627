package io.zgnode.consensus.bft;

import java.util.Locale;

import io.zgnode.consensus.bft.core.TendermintCore.Misbehavior;
import io.zgnode.consensus.bft.core.Timeouts;

/** The engine's settings, checked (from {@link BftConfig}, or made directly by tests). */
record Settings(Timeouts timeouts, long startHeight, long maxBlockFutureSeconds, long rebroadcastMillis, Misbehavior misbehavior) {

    Settings {
        if (startHeight < 1) {
            throw new IllegalArgumentException("startHeight must be at least 1, got " + startHeight);
        }
        if (maxBlockFutureSeconds < 0) {
            throw new IllegalArgumentException("maxBlockFutureSeconds must not be negative");
        }
        if (rebroadcastMillis < 10) {
            throw new IllegalArgumentException("rebroadcastMillis must be at least 10, got " + rebroadcastMillis);
        }
    }

    static Settings of(BftConfig config) {
        return new Settings(new Timeouts(config.proposeMillis(), config.prevoteMillis(), config.precommitMillis(), config.deltaMillis(),
                config.commitMillis()), config.startHeight(), config.maxBlockFutureSeconds(), config.rebroadcastMillis(),
                misbehavior(config.misbehavior()));
    }

    static Misbehavior misbehavior(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "none" -> Misbehavior.NONE;
            case "equivocate" -> Misbehavior.EQUIVOCATE;
            default -> throw new IllegalArgumentException("misbehavior must be 'none' or 'equivocate', got '" + text + "'");
        };
    }
}
