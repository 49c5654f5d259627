package io.zgnode.consensus.bft.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.zgnode.api.chain.Hash;
import io.zgnode.ethereum.RlpItem;

/**
 * A commit certificate: precommits of more than two thirds of the voting power for one block at
 * one height and round, which proves the block final to anyone who knows the validator set.
 * <pre>
 * rlp([height, round, blockHash, [[validatorIndex, signature], ...]])   indexes strictly ascending
 * </pre>
 * Each signature is the validator's precommit signature, over
 * {@link Messages#voteSignBytes}{@code (chainId, PRECOMMIT, height, round, blockHash)}.
 */
public record Certificate(long height, int round, Hash value, List<CommitSignature> signatures) {

    /** One validator's precommit signature. */
    public record CommitSignature(int validator, byte[] signature) {

        public CommitSignature {
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CommitSignature s && validator == s.validator && java.util.Arrays.equals(signature, s.signature);
        }

        @Override
        public int hashCode() {
            return validator;
        }
    }

    public Certificate {
        Objects.requireNonNull(value, "value");
        signatures = List.copyOf(signatures);
    }

    /** The certificate made of precommits for one block at one height and round. */
    public static Certificate of(long height, int round, Hash value, List<Vote> precommits) {
        List<CommitSignature> signatures = new ArrayList<>();
        for (Vote vote : precommits) {
            if (vote.type() != VoteType.PRECOMMIT || vote.height() != height || vote.round() != round || !value.equals(vote.value())) {
                throw new IllegalArgumentException(vote + " is not a precommit for " + value + " at " + height + "/" + round);
            }
            signatures.add(new CommitSignature(vote.validator(), vote.signature()));
        }
        signatures.sort(Comparator.comparingInt(CommitSignature::validator));
        return new Certificate(height, round, value, signatures);
    }

    public byte[] encode() {
        List<RlpItem> items = new ArrayList<>();
        for (CommitSignature signature : signatures) {
            items.add(RlpItem.list(RlpItem.of(signature.validator()), RlpItem.of(signature.signature())));
        }
        return RlpItem.list(RlpItem.of(height), RlpItem.of(round), RlpItem.of(value), RlpItem.list(items)).encode();
    }

    public static Certificate decode(byte[] encoded) throws InvalidMessageException {
        RlpItem item = Messages.rlp(encoded);
        try {
            List<RlpItem> f = Messages.fields(item, 4, "certificate");
            List<CommitSignature> signatures = new ArrayList<>();
            for (RlpItem entry : f.get(3).items()) {
                List<RlpItem> pair = Messages.fields(entry, 2, "certificate signature");
                signatures.add(new CommitSignature(Messages.index(pair.get(0).asLong()), Messages.signature(pair.get(1))));
            }
            return new Certificate(f.get(0).asLong(), Messages.round(f.get(1).asLong()), f.get(2).asHash(), signatures);
        } catch (RuntimeException e) {
            throw new InvalidMessageException("certificate: " + e.getMessage());
        }
    }

    /** The precommits this certificate holds, as votes. */
    public List<Vote> votes() {
        return signatures.stream().map(s -> new Vote(VoteType.PRECOMMIT, height, round, value, s.validator(), s.signature())).toList();
    }

    /**
     * Checks the certificate against the validator set of its height: every signature valid,
     * each validator once, together more than two thirds of the power.
     *
     * @return the voting power of the signers
     * @throws InvalidMessageException saying what is wrong
     */
    public long verify(long chainId, ValidatorSet set) throws InvalidMessageException {
        byte[] message = Messages.voteSignBytes(chainId, VoteType.PRECOMMIT, height, round, value);
        long power = 0;
        int last = -1;
        for (CommitSignature signature : signatures) {
            if (signature.validator() <= last) {
                throw new InvalidMessageException("certificate: validator indexes must ascend strictly (" + signature.validator() + " after "
                        + last + ")");
            }
            last = signature.validator();
            if (!set.contains(signature.validator())) {
                throw new InvalidMessageException("certificate: no validator #" + signature.validator() + " in a set of " + set.size());
            }
            if (!set.verify(signature.validator(), message, signature.signature())) {
                throw new InvalidMessageException("certificate: the signature of validator #" + signature.validator() + " ("
                        + set.validator(signature.validator()).address() + ") does not verify");
            }
            power += set.power(signature.validator());
        }
        if (!set.isQuorum(power)) {
            throw new InvalidMessageException("certificate: signers hold " + power + " of " + set.totalPower()
                    + " voting power, not more than two thirds");
        }
        return power;
    }

    /** {@link #verify(long, ValidatorSet)} for a given block. */
    public long verify(long chainId, ValidatorSet set, long expectedHeight, Hash expectedValue) throws InvalidMessageException {
        if (height != expectedHeight || !value.equals(expectedValue)) {
            throw new InvalidMessageException("certificate: it is for block " + height + " " + value + ", not " + expectedHeight + " "
                    + expectedValue);
        }
        return verify(chainId, set);
    }
}
