package io.zgnode.consensus.bft.core;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.zgnode.api.chain.Hash;
import io.zgnode.ethereum.RlpItem;

/**
 * The canonical encodings of votes and proposals (RLP), and the bytes that are signed.
 * <p>
 * Signed bytes start with a domain tag and the chain id and name the message type, so that a
 * signature is valid for exactly one statement: it cannot be replayed on another chain, as
 * another step, at another height or round, or for another block.
 * <pre>
 * vote sign bytes      rlp(["zgnode/bft/1", chainId, type (1 prevote, 2 precommit), height, round, blockHash | ""])
 * proposal sign bytes  rlp(["zgnode/bft/1", chainId, 3, height, round, blockHash, polRound + 1])
 * vote                 rlp([type, height, round, blockHash | "", validatorIndex, signature])
 * proposal             rlp([height, round, polRound + 1, blockHash, proposerIndex, signature])
 * </pre>
 * Nil is the empty string; rounds are offset by one where -1 must be encoded.
 */
public final class Messages {

    public static final byte[] DOMAIN = "zgnode/bft/1".getBytes(StandardCharsets.US_ASCII);
    public static final int PROPOSAL_TYPE = 3;
    public static final int SIGNATURE_LENGTH = 64;
    /** Rounds beyond this are refused: no honest node gets there. */
    public static final int MAX_ROUND = 1 << 20;

    private Messages() {
    }

    public static byte[] voteSignBytes(long chainId, VoteType type, long height, int round, Hash value) {
        return RlpItem.list(RlpItem.of(DOMAIN), RlpItem.of(chainId), RlpItem.of(type.code()), RlpItem.of(height), RlpItem.of(round),
                value(value)).encode();
    }

    public static byte[] voteSignBytes(long chainId, Vote vote) {
        return voteSignBytes(chainId, vote.type(), vote.height(), vote.round(), vote.value());
    }

    public static byte[] proposalSignBytes(long chainId, long height, int round, Hash value, int polRound) {
        return RlpItem.list(RlpItem.of(DOMAIN), RlpItem.of(chainId), RlpItem.of(PROPOSAL_TYPE), RlpItem.of(height), RlpItem.of(round),
                RlpItem.of(value), RlpItem.of(polRound + 1L)).encode();
    }

    public static byte[] proposalSignBytes(long chainId, Proposal proposal) {
        return proposalSignBytes(chainId, proposal.height(), proposal.round(), proposal.value(), proposal.polRound());
    }

    public static Vote signVote(long chainId, VoteType type, long height, int round, Hash value, int validator, ValidatorKey key) {
        return new Vote(type, height, round, value, validator, key.sign(voteSignBytes(chainId, type, height, round, value)));
    }

    public static Proposal signProposal(long chainId, long height, int round, int polRound, Hash value, int proposer, ValidatorKey key) {
        return new Proposal(height, round, polRound, value, proposer, key.sign(proposalSignBytes(chainId, height, round, value, polRound)));
    }

    public static RlpItem toRlp(Vote vote) {
        return RlpItem.list(RlpItem.of(vote.type().code()), RlpItem.of(vote.height()), RlpItem.of(vote.round()), value(vote.value()),
                RlpItem.of(vote.validator()), RlpItem.of(vote.signature()));
    }

    public static byte[] encode(Vote vote) {
        return toRlp(vote).encode();
    }

    public static RlpItem toRlp(Proposal proposal) {
        return RlpItem.list(RlpItem.of(proposal.height()), RlpItem.of(proposal.round()), RlpItem.of(proposal.polRound() + 1L),
                RlpItem.of(proposal.value()), RlpItem.of(proposal.proposer()), RlpItem.of(proposal.signature()));
    }

    public static byte[] encode(Proposal proposal) {
        return toRlp(proposal).encode();
    }

    public static Vote decodeVote(byte[] encoded) throws InvalidMessageException {
        return vote(rlp(encoded));
    }

    public static Vote vote(RlpItem item) throws InvalidMessageException {
        try {
            List<RlpItem> f = fields(item, 6, "vote");
            VoteType type;
            try {
                type = VoteType.of((int) f.get(0).asLong());
            } catch (IllegalArgumentException e) {
                throw new InvalidMessageException("vote: " + e.getMessage());
            }
            return new Vote(type, f.get(1).asLong(), round(f.get(2).asLong()), optionalHash(f.get(3)), index(f.get(4).asLong()),
                    signature(f.get(5)));
        } catch (RuntimeException e) {
            throw new InvalidMessageException("vote: " + e.getMessage());
        }
    }

    public static Proposal decodeProposal(byte[] encoded) throws InvalidMessageException {
        return proposal(rlp(encoded));
    }

    public static Proposal proposal(RlpItem item) throws InvalidMessageException {
        try {
            List<RlpItem> f = fields(item, 6, "proposal");
            int round = round(f.get(1).asLong());
            long pol = f.get(2).asLong();
            if (pol > round) {
                throw new InvalidMessageException("proposal: polka round " + (pol - 1) + " is not before round " + round);
            }
            return new Proposal(f.get(0).asLong(), round, (int) pol - 1, f.get(3).asHash(), index(f.get(4).asLong()), signature(f.get(5)));
        } catch (RuntimeException e) {
            throw new InvalidMessageException("proposal: " + e.getMessage());
        }
    }

    static RlpItem value(Hash value) {
        return value == null ? RlpItem.of(new byte[0]) : RlpItem.of(value);
    }

    static Hash optionalHash(RlpItem item) throws InvalidMessageException {
        byte[] bytes = item.bytes();
        if (bytes.length == 0) {
            return null;
        }
        if (bytes.length != Hash.LENGTH) {
            throw new InvalidMessageException("a block hash is 32 bytes, found " + bytes.length);
        }
        return Hash.of(bytes);
    }

    static RlpItem rlp(byte[] encoded) throws InvalidMessageException {
        try {
            return RlpItem.decode(encoded);
        } catch (RuntimeException e) {
            throw new InvalidMessageException("not RLP: " + e.getMessage());
        }
    }

    static List<RlpItem> fields(RlpItem item, int count, String what) throws InvalidMessageException {
        if (!item.isList() || item.items().size() != count) {
            throw new InvalidMessageException(what + " must be a list of " + count + " items");
        }
        return item.items();
    }

    static int round(long round) throws InvalidMessageException {
        if (round > MAX_ROUND) {
            throw new InvalidMessageException("round " + round + " is beyond " + MAX_ROUND);
        }
        return (int) round;
    }

    static int index(long index) throws InvalidMessageException {
        if (index > Integer.MAX_VALUE) {
            throw new InvalidMessageException("validator index " + index + " is out of range");
        }
        return (int) index;
    }

    static byte[] signature(RlpItem item) throws InvalidMessageException {
        byte[] signature = item.bytes();
        if (signature.length != SIGNATURE_LENGTH) {
            throw new InvalidMessageException("a signature is 64 bytes, found " + signature.length);
        }
        return signature;
    }
}
