package io.zgnode.ledger.execution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zgnode.api.contract.ContractEvent;
import io.zgnode.ethereum.AbiEvent;

/** Parsed event declarations: contracts emit the same few events over and over. */
final class EventCache {

    private static final int MAX = 4_096;
    private static final Map<String, AbiEvent> PARSED = new ConcurrentHashMap<>();

    private EventCache() {
    }

    static AbiEvent parse(ContractEvent event) {
        AbiEvent parsed = PARSED.get(event.declaration());
        if (parsed == null) {
            parsed = AbiEvent.parse(event.declaration());
            if (PARSED.size() < MAX) {
                PARSED.put(event.declaration(), parsed);
            }
        }
        return parsed;
    }
}
