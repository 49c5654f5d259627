package io.zgnode.api.chain;

import java.util.Arrays;
import java.util.List;

/** An event recorded in a receipt, as Ethereum logs are: the emitter, up to 4 topics, data. */
public record Log(Address address, List<Hash> topics, byte[] data) {

    public Log {
        topics = List.copyOf(topics);
    }

    /** Equal when emitter, topics and data bytes are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Log log && address.equals(log.address) && topics.equals(log.topics) && Arrays.equals(data, log.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * address.hashCode() + topics.hashCode()) + Arrays.hashCode(data);
    }
}
