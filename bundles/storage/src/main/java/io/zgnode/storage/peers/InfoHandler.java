package io.zgnode.storage.peers;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.net.PeerId;
import io.zgnode.api.net.RequestHandler;
import io.zgnode.api.rpc.RpcServer;
import io.zgnode.storage.StorageNode;

/** Answers {@link StorageProtocol#INFO}: this node's advertised RPC URL and shard. */
@Component(service = RequestHandler.class, property = RequestHandler.PROTOCOL + "=" + StorageProtocol.INFO)
public class InfoHandler implements RequestHandler {

    private final byte[] card;

    @Activate
    public InfoHandler(@Reference StorageNode node, @Reference RpcServer rpc) {
        this.card = StorageProtocol.encodeCard(new StorageProtocol.NodeCard(node.advertisedUrl(rpc), node.shard()));
    }

    @Override
    public byte[] handle(PeerId from, byte[] request) {
        return card.clone();
    }
}
