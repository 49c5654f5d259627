package io.zgnode.da.signer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.node.NodeInfo;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.da.DaConfig;
import io.zgnode.da.blob.BlobRow;
import io.zgnode.da.blob.BlobShape;
import io.zgnode.da.chain.DaChain;
import io.zgnode.da.contracts.DaSignatures;
import io.zgnode.da.contracts.Quorum;

/**
 * This node as a DA signer: it takes the rows the quorum gives it of each blob, checks each
 * against the blob's data root, stores them for the retention window, and once it holds all of
 * them signs (data root, epoch, quorum) for the certificate. Rows that fail a check are refused
 * with the reason, logged, and counted; nothing of the call is stored.
 */
@Component(service = DaSigner.class, configurationPid = DaConfig.PID)
@Designate(ocd = DaConfig.class)
public class DaSigner {

    private static final Logger LOG = Logger.getLogger(DaSigner.class.getName());

    private final DaChain chain;
    private final RowStore rows;
    private final Optional<SignerKey> key;
    private final int retentionEpochs;
    private final AtomicLong refusedRows = new AtomicLong();

    @Activate
    public DaSigner(@Reference DaChain chain, @Reference KeyValueStore store, @Reference NodeInfo node, DaConfig config) {
        this(chain, new RowStore(store, directory(node)), key(config, node), config.retentionEpochs());
    }

    public DaSigner(DaChain chain, RowStore rows, Optional<SignerKey> key, int retentionEpochs) {
        if (retentionEpochs < 1) {
            throw new IllegalArgumentException("retentionEpochs must be at least 1, not " + retentionEpochs);
        }
        this.chain = chain;
        this.rows = rows;
        this.key = key;
        this.retentionEpochs = retentionEpochs;
    }

    static Path directory(NodeInfo node) {
        return node.dataDirectory().resolve("da").resolve("rows");
    }

    private static Optional<SignerKey> key(DaConfig config, NodeInfo node) {
        String file = config.signerKeyFile().trim();
        return file.isEmpty() ? Optional.empty() : Optional.of(SignerKey.read(node.dataDirectory().resolve(file)));
    }

    public Optional<Address> address() {
        return key.map(SignerKey::address);
    }

    public Optional<SignerKey> key() {
        return key;
    }

    public RowStore rows() {
        return rows;
    }

    public long refusedRows() {
        return refusedRows.get();
    }

    public int retentionEpochs() {
        return retentionEpochs;
    }

    /**
     * Checks rows of a blob and stores them; signs once every row of this signer is held.
     *
     * @throws InvalidRowsException if any row is not this signer's, has the wrong size or a proof
     *         that does not lead to the data root; then nothing is stored
     */
    public StoreReceipt store(Hash dataRoot, long epoch, int quorumId, int rowBytes, List<BlobRow> received) throws InvalidRowsException {
        SignerKey signer = key.orElseThrow(() -> new InvalidRowsException(
                "this node is not a DA signer: it has no signer key (configuration " + DaConfig.PID + " signerKeyFile)"));
        try {
            HeldBlob blob = check(signer.address(), dataRoot, epoch, quorumId, rowBytes, received);
            rows.pruneBefore(chain.currentEpoch() - retentionEpochs);
            HeldBlob held = rows.put(blob, received);
            byte[] signature = held.complete() ? sign(signer, held) : null;
            return new StoreReceipt(signer.address(), held.held(), held.needed(), signature);
        } catch (InvalidRowsException e) {
            refusedRows.addAndGet(received.size());
            LOG.warning(() -> "refused " + received.size() + " rows of blob " + dataRoot + " (epoch " + epoch + ", quorum " + quorumId + "): " + e.getMessage());
            throw e;
        }
    }

    /** The rows asked for that this signer holds, with their proofs; missing ones are left out. */
    public List<BlobRow> rows(Hash dataRoot, List<Integer> indices) {
        List<BlobRow> found = new ArrayList<>();
        for (int index : indices) {
            rows.row(dataRoot, index).ifPresent(found::add);
        }
        return found;
    }

    private HeldBlob check(Address me, Hash dataRoot, long epoch, int quorumId, int rowBytes, List<BlobRow> received) throws InvalidRowsException {
        if (received.isEmpty()) {
            throw new InvalidRowsException("no rows");
        }
        long current = chain.currentEpoch();
        if (epoch < current - 1) {
            throw new InvalidRowsException("epoch " + epoch + " is over: certificates are accepted for epochs " + (current - 1) + " and " + current);
        }
        Quorum quorum;
        try {
            quorum = chain.quorum(epoch, quorumId);
        } catch (IllegalArgumentException e) {
            throw new InvalidRowsException(e.getMessage());
        }
        int[] mine = quorum.rowsOf(me);
        if (mine.length == 0) {
            throw new InvalidRowsException("signer " + me + " holds no row of quorum " + quorumId + " in epoch " + epoch);
        }
        BlobShape shape = chain.shape();
        int largest = shape.maxRowBytes();
        if (rowBytes < 1 || rowBytes > largest) {
            throw new InvalidRowsException("rowBytes " + rowBytes + " is not possible: rows of this chain's blobs hold at most " + largest + " bytes");
        }
        Optional<HeldBlob> known = rows.blob(dataRoot);
        if (known.isPresent() && (known.get().epoch() != epoch || known.get().quorumId() != quorumId || known.get().rowBytes() != rowBytes)) {
            HeldBlob had = known.get();
            throw new InvalidRowsException("blob " + dataRoot + " is already held for epoch " + had.epoch() + ", quorum " + had.quorumId() + ", rows of "
                    + had.rowBytes() + " bytes");
        }
        for (BlobRow row : received) {
            if (Arrays.binarySearch(mine, row.index()) < 0) {
                throw new InvalidRowsException("row " + row.index() + " is not signer " + me + "'s in quorum " + quorumId + " of epoch " + epoch);
            }
            if (row.data().length != rowBytes) {
                throw new InvalidRowsException("row " + row.index() + " holds " + row.data().length + " bytes, not rowBytes " + rowBytes);
            }
            Optional<String> problem = row.check(dataRoot, shape);
            if (problem.isPresent()) {
                throw new InvalidRowsException(problem.get());
            }
        }
        return new HeldBlob(dataRoot, epoch, quorumId, rowBytes, mine.length, 0);
    }

    private byte[] sign(SignerKey signer, HeldBlob blob) {
        Hash message = DaSignatures.message(chain.chain().chainId(), chain.genesis().entrance(), blob.dataRoot(), blob.epoch(), blob.quorumId());
        return DaSignatures.sign(signer.key(), message);
    }
}
