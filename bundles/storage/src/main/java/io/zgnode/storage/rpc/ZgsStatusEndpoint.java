package io.zgnode.storage.rpc;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.zgnode.api.chain.BlockHeader;
import io.zgnode.api.chain.Chain;
import io.zgnode.api.net.PeerNetwork;
import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcMethod;
import io.zgnode.api.storage.FlowLog;

/** {@code zgs_getStatus}: how far this node has followed the chain, and which network it serves. */
@Component(service = RpcEndpoint.class)
public class ZgsStatusEndpoint implements RpcEndpoint {

    /** The version of our storage peer protocol (segment sync and node announcements). */
    static final StatusJson.ProtocolVersion PROTOCOL = new StatusJson.ProtocolVersion(0, 1, 0);

    private final Chain chain;
    private final FlowLog log;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PeerNetwork network;

    @Activate
    public ZgsStatusEndpoint(@Reference Chain chain, @Reference FlowLog log) {
        this.chain = chain;
        this.log = log;
    }

    @RpcMethod("zgs_getStatus")
    public StatusJson getStatus() {
        PeerNetwork peers = network;
        BlockHeader head = chain.head();
        return new StatusJson(peers == null ? 0 : peers.peers().size(), head.number(), head.hash().toString(), log.nextTxSeq(),
                new StatusJson.NetworkIdentity(chain.chainId(), log.flowAddress().toString(), PROTOCOL));
    }
}
