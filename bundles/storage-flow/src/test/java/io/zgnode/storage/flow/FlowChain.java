package io.zgnode.storage.flow;

import java.nio.file.Path;
import java.util.Map;

import io.zgnode.ledger.DevChain;
import io.zgnode.ledger.genesis.GenesisException;

/**
 * A development chain with the Flow and Market contracts and the flow log wired as the framework
 * wires them, driven by hand ({@link DevChain}).
 */
final class FlowChain extends DevChain {

    final FlowLogService flowLog;
    final StorageGenesis storage;

    /** @param storageSection the genesis's {@code modules.storage}, or an empty map for the defaults */
    FlowChain(Path directory, Map<String, Object> storageSection) throws GenesisException {
        super(directory, Map.of("storage", storageSection));
        ledger.addContract(new FlowContract(ledger));
        ledger.addContract(new MarketContract(ledger));
        flowLog = new FlowLogService(ledger);
        ledger.addListener(flowLog);
        storage = StorageGenesis.of(ledger.genesisParameters(StorageGenesis.MODULE));
    }
}
