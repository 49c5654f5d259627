package io.zgnode.ethereum;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Log;
import io.zgnode.crypto.Keccak256;
import io.zgnode.ethereum.internal.AbiDecoder;
import io.zgnode.ethereum.internal.AbiTypeParser;
import io.zgnode.ethereum.internal.IndexedTopics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An event as Solidity declares it, {@code Transfer(address indexed from, address indexed to,
 * uint256 value)}, and its logs: topic 0 is the Keccak-256 of the canonical signature, each
 * {@code indexed} parameter is one more topic, the others are ABI-encoded in the data.
 * Immutable. Anonymous events are not supported.
 *
 * <p>An indexed value type (integers, {@code address}, {@code bool}, {@code bytesN}) is its
 * 32-byte word and decodes back; an indexed {@code bytes}, {@code string}, array or tuple is the
 * hash of its in-place encoding (per the ABI specification) and decodes to that {@link Hash}.
 */
public final class AbiEvent {
    /** At most three indexed parameters: a log has at most four topics, and topic 0 is the signature. */
    public static final int MAX_INDEXED = 3;

    /** One declared parameter; {@code name} is "" when the declaration gives none. */
    public record Parameter(String name, AbiType type, boolean indexed) {
    }

    private final String name;
    private final List<Parameter> parameters;
    private final String signature;
    private final Hash topic0;
    private final List<AbiType> dataTypes;
    private final int indexedCount;

    private AbiEvent(String name, List<Parameter> parameters) {
        this.name = name;
        this.parameters = List.copyOf(parameters);
        StringBuilder canonical = new StringBuilder(name).append('(');
        List<AbiType> data = new ArrayList<>();
        int indexed = 0;
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            canonical.append(i == 0 ? "" : ",").append(parameter.type());
            if (parameter.indexed()) {
                indexed++;
            } else {
                data.add(parameter.type());
            }
        }
        if (indexed > MAX_INDEXED) {
            throw new IllegalArgumentException("event " + name + " has " + indexed + " indexed parameters, at most "
                    + MAX_INDEXED + " are allowed");
        }
        this.signature = canonical.append(')').toString();
        this.topic0 = Hash.of(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)));
        this.dataTypes = List.copyOf(data);
        this.indexedCount = indexed;
    }

    /**
     * Parses {@code Submit(address indexed sender, bytes32 indexed identity, uint256 submissionIndex)};
     * names are optional, {@code indexed} comes after the type.
     *
     * @throws IllegalArgumentException naming the first problem and its position
     */
    public static AbiEvent parse(String declaration) {
        AbiTypeParser.Signature parsed = AbiTypeParser.event(declaration);
        List<Parameter> parameters = new ArrayList<>();
        for (AbiTypeParser.Parameter parameter : parsed.parameters()) {
            parameters.add(new Parameter(parameter.name(), parameter.type(), parameter.indexed()));
        }
        return new AbiEvent(parsed.name(), parameters);
    }

    public String name() {
        return name;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** The canonical signature: {@code Transfer(address,address,uint256)}. */
    public String signature() {
        return signature;
    }

    /** Keccak-256 of {@link #signature()}: the first topic of every log of this event. */
    public Hash topic0() {
        return topic0;
    }

    /**
     * The log {@code emitter} writes for {@code values}, one generic value per parameter in
     * declaration order (see {@link Abi} for the value types).
     *
     * @throws IllegalArgumentException if the values do not fit the parameters
     */
    public Log encode(Address emitter, List<?> values) {
        if (values.size() != parameters.size()) {
            throw new IllegalArgumentException("event " + signature + " takes " + parameters.size() + " values, got " + values.size());
        }
        List<Hash> topics = new ArrayList<>(1 + indexedCount);
        topics.add(topic0);
        List<Object> data = new ArrayList<>(dataTypes.size());
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            if (parameter.indexed()) {
                try {
                    topics.add(Hash.of(IndexedTopics.topic(parameter.type(), values.get(i))));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("event " + name + " parameter " + i + ": " + e.getMessage());
                }
            } else {
                data.add(values.get(i));
            }
        }
        byte[] encoded;
        try {
            encoded = Abi.encode(dataTypes, data);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("event " + name + " data: " + e.getMessage());
        }
        return new Log(emitter, topics, encoded);
    }

    /** True if {@code log} has this event's topic 0 and number of topics. */
    public boolean matches(Log log) {
        return log.topics().size() == 1 + indexedCount && log.topics().get(0).equals(topic0);
    }

    /**
     * The values of a log of this event in declaration order; an indexed parameter stored as a
     * hash comes back as that {@link Hash}.
     *
     * @throws AbiException if the log is not of this event or its topics or data are malformed
     */
    public List<Object> decode(Log log) {
        if (!matches(log)) {
            throw new AbiException("log is not a " + signature + " event: expected " + (1 + indexedCount)
                    + " topics starting with " + topic0 + ", found " + log.topics().size()
                    + (log.topics().isEmpty() ? "" : " starting with " + log.topics().get(0)));
        }
        List<Object> data;
        try {
            data = Abi.decode(dataTypes, log.data());
        } catch (AbiException e) {
            throw new AbiException("event " + name + " data: " + e.getMessage());
        }
        List<Object> values = new ArrayList<>(parameters.size());
        int topic = 1;
        int datum = 0;
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            if (!parameter.indexed()) {
                values.add(data.get(datum++));
            } else if (IndexedTopics.isHashed(parameter.type())) {
                values.add(log.topics().get(topic++));
            } else {
                try {
                    values.add(AbiDecoder.decodeWord(parameter.type(), log.topics().get(topic++).toArray()));
                } catch (AbiException e) {
                    throw new AbiException("event " + name + " topic " + (topic - 1) + ": " + e.getMessage());
                }
            }
        }
        return java.util.Collections.unmodifiableList(values);
    }

    /** The declaration in canonical form, with {@code indexed} and names: {@code Transfer(address indexed from,...)}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name).append('(');
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            text.append(i == 0 ? "" : ",").append(parameter.type());
            if (parameter.indexed()) {
                text.append(" indexed");
            }
            if (!parameter.name().isEmpty()) {
                text.append(' ').append(parameter.name());
            }
        }
        return text.append(')').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AbiEvent that && that.parameters.equals(parameters) && that.name.equals(name);
    }

    @Override
    public int hashCode() {
        return signature.hashCode();
    }
}
