package io.zgnode.api.chain;

import java.util.List;

/** An event recorded in a receipt, as Ethereum logs are: the emitter, up to 4 topics, data. */
public record Log(Address address, List<Hash> topics, byte[] data) {

    public Log {
        topics = List.copyOf(topics);
    }
}
