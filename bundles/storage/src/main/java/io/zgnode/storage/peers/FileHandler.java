package io.zgnode.storage.peers;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.net.InvalidRequestException;
import io.zgnode.api.net.PeerId;
import io.zgnode.api.net.RequestHandler;
import io.zgnode.storage.StorageNode;
import io.zgnode.storage.intake.StoredEntry;

/** Answers {@link StorageProtocol#FILE}: whether this node holds its shard of a file. */
@Component(service = RequestHandler.class, property = RequestHandler.PROTOCOL + "=" + StorageProtocol.FILE)
public class FileHandler implements RequestHandler {

    private final StorageNode node;

    @Activate
    public FileHandler(@Reference StorageNode node) {
        this.node = node;
    }

    @Override
    public byte[] handle(PeerId from, byte[] request) throws InvalidRequestException {
        List<StoredEntry> entries = node.entries().byRoot(StorageProtocol.decodeRoot(request));
        StorageProtocol.FileState state = entries.isEmpty() ? StorageProtocol.FileState.UNKNOWN
                : entries.stream().anyMatch(node::finalized) ? StorageProtocol.FileState.FINALIZED : StorageProtocol.FileState.INCOMPLETE;
        return new byte[] {(byte) state.ordinal()};
    }
}
