package io.zgnode.da.contracts.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.contract.ContractState;
import io.zgnode.api.store.Keys;
import io.zgnode.da.contracts.Certificate;
import io.zgnode.ethereum.RlpItem;

/**
 * Where the DA entrance keeps its certificates, one exact key each:
 * <pre>
 * c || dataRoot      RLP [epoch, quorumId, signedRows, blockNumber]
 * </pre>
 */
public final class EntranceState {

    private static final byte CERTIFICATE = 'c';

    private final Function<byte[], byte[]> reader;

    /** @param reader the value under a key, or {@code null} */
    public EntranceState(Function<byte[], byte[]> reader) {
        this.reader = reader;
    }

    public Optional<Certificate> certificate(Hash dataRoot) {
        byte[] stored = reader.apply(key(dataRoot));
        if (stored == null) {
            return Optional.empty();
        }
        List<RlpItem> fields = RlpItem.decode(stored).items();
        return Optional.of(new Certificate(dataRoot, fields.get(0).asLong(), Math.toIntExact(fields.get(1).asLong()),
                Math.toIntExact(fields.get(2).asLong()), fields.get(3).asLong()));
    }

    public void put(ContractState state, Certificate certificate) {
        state.put(key(certificate.dataRoot()), RlpItem.list(RlpItem.of(certificate.epoch()), RlpItem.of(certificate.quorumId()),
                RlpItem.of(certificate.signedRows()), RlpItem.of(certificate.blockNumber())).encode());
    }

    private static byte[] key(Hash dataRoot) {
        return Keys.concat(new byte[] {CERTIFICATE}, dataRoot.toArray());
    }
}
