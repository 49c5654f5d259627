package io.zgnode.consensus.bft.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.zgnode.ethereum.RlpItem;

/**
 * Proof that a validator equivocated: two validly signed, different statements for the same
 * height, round and step (two votes of one type, or two proposals). Anyone holding the
 * validator set can check it; the staking module slashes on it later.
 * <pre>
 * rlp([kind (1 prevote, 2 precommit, 3 proposal), height, round, validatorIndex, first, second])
 * </pre>
 * where {@code first} and {@code second} are the encoded votes or proposals (without blocks), in
 * the order they were seen.
 */
public record Evidence(Kind kind, long height, int round, int validator, byte[] first, byte[] second) {

    public enum Kind {
        PREVOTE(1),
        PRECOMMIT(2),
        PROPOSAL(3);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(long code) throws InvalidMessageException {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            throw new InvalidMessageException("unknown evidence kind " + code);
        }
    }

    public Evidence {
        first = first.clone();
        second = second.clone();
    }

    @Override
    public byte[] first() {
        return first.clone();
    }

    @Override
    public byte[] second() {
        return second.clone();
    }

    public static Evidence of(Vote first, Vote second) {
        if (first.type() != second.type() || first.height() != second.height() || first.round() != second.round()
                || first.validator() != second.validator() || first.sameContent(second)) {
            throw new IllegalArgumentException("not conflicting: " + first + ", " + second);
        }
        Kind kind = first.type() == VoteType.PREVOTE ? Kind.PREVOTE : Kind.PRECOMMIT;
        return new Evidence(kind, first.height(), first.round(), first.validator(), Messages.encode(first), Messages.encode(second));
    }

    public static Evidence of(Proposal first, Proposal second) {
        if (first.height() != second.height() || first.round() != second.round() || first.proposer() != second.proposer()
                || first.sameContent(second)) {
            throw new IllegalArgumentException("not conflicting: " + first + ", " + second);
        }
        return new Evidence(Kind.PROPOSAL, first.height(), first.round(), first.proposer(), Messages.encode(first),
                Messages.encode(second));
    }

    public byte[] encode() {
        return RlpItem.list(RlpItem.of(kind.code), RlpItem.of(height), RlpItem.of(round), RlpItem.of(validator), RlpItem.of(first),
                RlpItem.of(second)).encode();
    }

    public static Evidence decode(byte[] encoded) throws InvalidMessageException {
        try {
            List<RlpItem> f = Messages.fields(Messages.rlp(encoded), 6, "evidence");
            return new Evidence(Kind.of(f.get(0).asLong()), f.get(1).asLong(), Messages.round(f.get(2).asLong()),
                    Messages.index(f.get(3).asLong()), f.get(4).bytes(), f.get(5).bytes());
        } catch (RuntimeException e) {
            throw new InvalidMessageException("evidence: " + e.getMessage());
        }
    }

    /**
     * Checks that both statements decode, belong to this evidence's height, round, step and
     * validator, differ, and carry the validator's valid signatures.
     */
    /** The evidence two messages make, or why they make none, as the sender's fault. */
    private static Evidence pairing(Supplier<Evidence> pair) throws InvalidMessageException {
        try {
            return pair.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("evidence: " + e.getMessage());
        }
    }

    public void verify(long chainId, ValidatorSet set) throws InvalidMessageException {
        if (!set.contains(validator)) {
            throw new InvalidMessageException("evidence: no validator #" + validator);
        }
        if (kind == Kind.PROPOSAL) {
            Proposal a = Messages.decodeProposal(first);
            Proposal b = Messages.decodeProposal(second);
            check(pairing(() -> of(a, b)));
            if (!set.verify(validator, Messages.proposalSignBytes(chainId, a), a.signature())
                    || !set.verify(validator, Messages.proposalSignBytes(chainId, b), b.signature())) {
                throw new InvalidMessageException("evidence: a proposal signature does not verify");
            }
        } else {
            Vote a = Messages.decodeVote(first);
            Vote b = Messages.decodeVote(second);
            check(pairing(() -> of(a, b)));
            if (!set.verify(validator, Messages.voteSignBytes(chainId, a), a.signature())
                    || !set.verify(validator, Messages.voteSignBytes(chainId, b), b.signature())) {
                throw new InvalidMessageException("evidence: a vote signature does not verify");
            }
        }
    }

    private void check(Evidence expected) throws InvalidMessageException {
        if (expected.kind != kind || expected.height != height || expected.round != round || expected.validator != validator) {
            throw new InvalidMessageException("evidence: its statements are not for " + kind.label() + " " + height + "/" + round
                    + " of validator #" + validator);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Evidence e && kind == e.kind && height == e.height && round == e.round && validator == e.validator
                && Arrays.equals(first, e.first) && Arrays.equals(second, e.second);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(height) * 31 + validator;
    }

    @Override
    public String toString() {
        return "equivocation: validator #" + validator + " signed two " + kind.label() + "s at " + height + "/" + round;
    }
}
