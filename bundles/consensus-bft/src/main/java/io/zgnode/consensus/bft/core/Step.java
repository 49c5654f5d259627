package io.zgnode.consensus.bft.core;

import java.util.Locale;

/** Where a node is in a round; {@link #COMMIT} once the height is decided, until the next starts. */
public enum Step {
    PROPOSE,
    PREVOTE,
    PRECOMMIT,
    COMMIT;

    /** Lower case, as status and logs show it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
