package io.zgnode.da.chain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.Chain;
import io.zgnode.api.chain.Hash;
import io.zgnode.da.blob.BlobShape;
import io.zgnode.da.contracts.Certificate;
import io.zgnode.da.contracts.DaCertificatesView;
import io.zgnode.da.contracts.DaGenesis;
import io.zgnode.da.contracts.DaRegistryView;
import io.zgnode.da.contracts.Quorum;

/**
 * What the DA node reads from the chain: the genesis's DA parameters, the signer registry and the
 * certificates, through the committed state of the two contracts. The epoch that counts is the one
 * of the next block, since that is the block a certificate sent now lands in.
 */
@Component(service = DaChain.class)
public class DaChain {

    /** Quorums of epochs that have begun never change: kept for the signer's checks on every call. */
    private static final int CACHED_QUORUMS = 8;

    private final Chain chain;
    private final DaGenesis genesis;
    private final Map<Long, Quorum> quorums = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Quorum> eldest) {
            return size() > CACHED_QUORUMS;
        }
    };

    @Activate
    public DaChain(@Reference Chain chain) {
        this(chain, DaGenesis.of(chain.genesisParameters(DaGenesis.MODULE)));
    }

    public DaChain(Chain chain, DaGenesis genesis) {
        this.chain = chain;
        this.genesis = genesis;
    }

    public Chain chain() {
        return chain;
    }

    public DaGenesis genesis() {
        return genesis;
    }

    public BlobShape shape() {
        return new BlobShape(genesis.dataRows(), genesis.totalRows());
    }

    public DaRegistryView registry() {
        return new DaRegistryView(genesis, key -> chain.contractStorage(genesis.registry(), key).orElse(null));
    }

    public DaCertificatesView certificates() {
        return new DaCertificatesView(key -> chain.contractStorage(genesis.entrance(), key).orElse(null));
    }

    /** The epoch of the next block. */
    public long currentEpoch() {
        return registry().epochOf(chain.head().number() + 1);
    }

    public Optional<Certificate> certificate(Hash dataRoot) {
        return certificates().certificate(dataRoot);
    }

    /**
     * The quorum of {@code epoch}, which must have begun (a later one may still gain signers).
     *
     * @throws IllegalArgumentException if the epoch has not begun or has no such quorum
     */
    public Quorum quorum(long epoch, int quorumId) {
        long current = currentEpoch();
        if (epoch > current) {
            throw new IllegalArgumentException("epoch " + epoch + " has not begun (current " + current + ")");
        }
        if (quorumId != 0) {
            return registry().quorum(epoch, quorumId);
        }
        synchronized (quorums) {
            Quorum cached = quorums.get(epoch);
            if (cached == null) {
                cached = registry().quorum(epoch, 0);
                quorums.put(epoch, cached);
            }
            return cached;
        }
    }
}
