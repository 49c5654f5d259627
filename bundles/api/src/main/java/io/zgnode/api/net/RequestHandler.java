package io.zgnode.api.net;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: answers requests of one protocol (service property {@link #PROTOCOL}), e.g. block
 * sync. Called on a worker thread of the network.
 */
@ConsumerType
public interface RequestHandler {

    /** Service property: the protocol served, e.g. {@code blocks/1}. */
    String PROTOCOL = "zgnode.net.protocol";

    /**
     * @return the response, at most the network's maximum message size
     * @throws InvalidRequestException if the request is malformed: the requester is penalized
     */
    byte[] handle(PeerId from, byte[] request) throws InvalidRequestException;
}
