package io.zgnode.consensus.bft;

import java.util.ArrayList;
import java.util.List;

import io.zgnode.consensus.bft.core.InvalidMessageException;
import io.zgnode.consensus.bft.core.Messages;
import io.zgnode.consensus.bft.core.Proposal;
import io.zgnode.consensus.bft.core.Vote;
import io.zgnode.ethereum.RlpItem;

/**
 * The engine's network messages.
 * <pre>
 * gossip, topic "consensus"    rlp([kind, body, nonce])
 *   kind 1 proposal            body = [proposal, block]        (proposal as in Messages, block as in BlockCodec, a byte string)
 *   kind 2 vote                body = vote                     (as in Messages)
 *   kind 3 status              body = [head, height, round]    (a hint, unsigned: where the sender is)
 * request "consensus/blocks/1" rlp([fromHeight, maxBlocks])
 * response                     rlp([head, [[block, certificate], ...]])   consecutive blocks from fromHeight
 * </pre>
 * The nonce makes a message sent again differ from the first sending, which the network would
 * otherwise drop as already delivered; receivers recognize the signed content and do not relay it
 * twice.
 */
final class Wire {

    static final int PROPOSAL = 1;
    static final int VOTE = 2;
    static final int STATUS = 3;

    private Wire() {
    }

    /** A decoded gossip message. */
    record Message(int kind, RlpItem body) {
    }

    static byte[] proposal(Proposal proposal, byte[] block, long nonce) {
        return envelope(PROPOSAL, RlpItem.list(Messages.toRlp(proposal), RlpItem.of(block)), nonce);
    }

    static byte[] vote(Vote vote, long nonce) {
        return envelope(VOTE, Messages.toRlp(vote), nonce);
    }

    static byte[] status(long head, long height, int round, long nonce) {
        return envelope(STATUS, RlpItem.list(RlpItem.of(head), RlpItem.of(height), RlpItem.of(round)), nonce);
    }

    private static byte[] envelope(int kind, RlpItem body, long nonce) {
        return RlpItem.list(RlpItem.of(kind), body, RlpItem.of(nonce & Long.MAX_VALUE)).encode();
    }

    static Message decode(byte[] message) throws InvalidMessageException {
        try {
            RlpItem item = RlpItem.decode(message);
            if (!item.isList() || item.items().size() != 3) {
                throw new InvalidMessageException("a consensus message is a list of kind, body and nonce");
            }
            int kind = (int) item.items().get(0).asLong();
            if (kind < PROPOSAL || kind > STATUS) {
                throw new InvalidMessageException("unknown consensus message kind " + kind);
            }
            return new Message(kind, item.items().get(1));
        } catch (RuntimeException e) {
            throw new InvalidMessageException("consensus message: " + e.getMessage());
        }
    }

    static byte[] syncRequest(long from, int max) {
        return RlpItem.list(RlpItem.of(from), RlpItem.of(max)).encode();
    }

    /** One block and its certificate. */
    record Synced(byte[] block, byte[] certificate) {
    }

    /** A response: the server's head and consecutive blocks. */
    record SyncResponse(long head, List<Synced> blocks) {
    }

    static byte[] syncResponse(long head, List<Synced> blocks) {
        List<RlpItem> items = new ArrayList<>();
        for (Synced synced : blocks) {
            items.add(RlpItem.list(RlpItem.of(synced.block()), RlpItem.of(synced.certificate())));
        }
        return RlpItem.list(RlpItem.of(head), RlpItem.list(items)).encode();
    }

    static SyncResponse decodeSyncResponse(byte[] response) throws InvalidMessageException {
        try {
            List<RlpItem> f = RlpItem.decode(response).items();
            List<Synced> blocks = new ArrayList<>();
            for (RlpItem entry : f.get(1).items()) {
                blocks.add(new Synced(entry.items().get(0).bytes(), entry.items().get(1).bytes()));
            }
            return new SyncResponse(f.get(0).asLong(), blocks);
        } catch (RuntimeException e) {
            throw new InvalidMessageException("block sync response: " + e.getMessage());
        }
    }
}
