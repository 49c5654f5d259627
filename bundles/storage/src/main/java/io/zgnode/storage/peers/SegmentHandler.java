package io.zgnode.storage.peers;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.net.InvalidRequestException;
import io.zgnode.api.net.PeerId;
import io.zgnode.api.net.RequestHandler;
import io.zgnode.storage.StorageNode;

/** Answers {@link StorageProtocol#SEGMENT}: a segment this node holds, with its proof. */
@Component(service = RequestHandler.class, property = RequestHandler.PROTOCOL + "=" + StorageProtocol.SEGMENT)
public class SegmentHandler implements RequestHandler {

    private final StorageNode node;

    @Activate
    public SegmentHandler(@Reference StorageNode node) {
        this.node = node;
    }

    @Override
    public byte[] handle(PeerId from, byte[] request) throws InvalidRequestException {
        StorageProtocol.SegmentRequest wanted = StorageProtocol.decodeSegmentRequest(request);
        return StorageProtocol.encodeSegment(node.segments().get(wanted.txSeq(), wanted.index()));
    }
}
