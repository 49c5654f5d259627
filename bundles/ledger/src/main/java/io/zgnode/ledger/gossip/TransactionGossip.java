package io.zgnode.ledger.gossip;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.TransactionPool;
import io.zgnode.api.chain.TransactionRejectedException;
import io.zgnode.api.net.MessageHandler;
import io.zgnode.api.net.PeerId;
import io.zgnode.api.net.Verdict;

/**
 * Receives transactions other nodes gossip ({@value #TOPIC}) into this node's pool. The network
 * relays what is accepted; a transaction that can never be valid (malformed, badly signed,
 * another chain) counts against the peer that sent it; one refused for now (known already, nonce
 * or funds as this node sees them) is just not relayed.
 */
@Component(service = MessageHandler.class, property = MessageHandler.TOPIC + "=" + TransactionGossip.TOPIC)
public class TransactionGossip implements MessageHandler {

    public static final String TOPIC = "tx";

    private final TransactionPool pool;

    @Activate
    public TransactionGossip(@Reference TransactionPool pool) {
        this.pool = pool;
    }

    @Override
    public Verdict handle(PeerId from, byte[] message) {
        try {
            pool.submit(message);
            return Verdict.ACCEPT;
        } catch (TransactionRejectedException e) {
            return e.isInvalid() ? Verdict.REJECT : Verdict.IGNORE;
        }
    }
}
