package io.zgnode.api.net;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: receives the gossip messages of one topic (service property {@link #TOPIC}).
 * Called on network threads: return quickly, hand long work to a thread of your own. A message
 * is delivered once per node even when several peers relay it.
 */
@ConsumerType
public interface MessageHandler {

    /** Service property: the topic handled, e.g. {@code tx}. */
    String TOPIC = "zgnode.net.topic";

    Verdict handle(PeerId from, byte[] message);
}
