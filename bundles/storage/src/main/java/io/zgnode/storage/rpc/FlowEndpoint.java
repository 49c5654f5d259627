package io.zgnode.storage.rpc;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcException;
import io.zgnode.api.rpc.RpcMethod;
import io.zgnode.storage.StorageNode;
import io.zgnode.storage.sectors.FlowProof;
import io.zgnode.storage.sectors.SectorNotHeldException;
import io.zgnode.storage.sectors.SectorProofs;

/**
 * The {@code zgs_*} methods about the flow as a whole, with 0G's names and shapes:
 * {@code zgs_getSectorProof(sectorIndex, flowRoot?)} answers a {@code FlowProof}
 * {@code {lemma, path}}, {@code zgs_getFlowContext()} the pair {@code [root, length]}.
 */
@Component(service = RpcEndpoint.class)
public class FlowEndpoint implements RpcEndpoint {

    private final SectorProofs sectors;

    @Activate
    public FlowEndpoint(@Reference StorageNode node) {
        this(node.sectors());
    }

    public FlowEndpoint(SectorProofs sectors) {
        this.sectors = sectors;
    }

    /**
     * The proof of one 256-byte sector of the flow against the current flow root, or against
     * {@code flowRoot} if given (null or absent: the current one), a root the flow had after some
     * entry. A sector inside a file needs its segment: a node of another shard refuses, naming it.
     */
    @RpcMethod("zgs_getSectorProof")
    public SegmentJson.ProofJson getSectorProof(long sectorIndex, Optional<String> flowRoot) {
        Optional<Hash> root = flowRoot.map(hex -> SegmentJson.hash(hex, "flowRoot"));
        FlowProof proof;
        try {
            proof = sectors.prove(sectorIndex, root);
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams(e.getMessage());
        } catch (SectorNotHeldException e) {
            throw RpcException.serverError(e.getMessage());
        }
        return new SegmentJson.ProofJson(proof.lemma().stream().map(Hash::toString).toList(), proof.path());
    }

    /** The flow's current root and its length in sectors, as 0G's node answers them: a two-element array. */
    @RpcMethod("zgs_getFlowContext")
    public List<Object> getFlowContext() {
        SectorProofs.Context context = sectors.context();
        return List.of(context.root().toString(), context.length());
    }
}
