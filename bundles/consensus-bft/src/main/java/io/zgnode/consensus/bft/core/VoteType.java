package io.zgnode.consensus.bft.core;

/** The two kinds of vote; the code is what the canonical encodings carry. */
public enum VoteType {
    PREVOTE(1),
    PRECOMMIT(2);

    private final int code;

    VoteType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static VoteType of(int code) {
        for (VoteType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown vote type " + code);
    }
}
