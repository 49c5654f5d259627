package io.zgnode.runtime.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The client commands' Jackson mapper: nulls left out, unknown properties ignored. */
public final class Json {

    /** The longest string a node's answer may hold: a maximal blob in base64, with room to spare. */
    private static final int MAX_STRING_CHARS = 64 * 1024 * 1024;

    /**
     * Thread-safe once configured, as Jackson's mappers are. Strings may be longer than Jackson's
     * default cap of 20 M chars: a maximal DA blob comes back as 43 M chars of base64.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).build()).build())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * For key files: property names in any case, as geth reads them (Go's JSON decoding ignores
     * case, and some wallets write "Crypto").
     */
    static final ObjectMapper KEY_FILES = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .build();

    private Json() {
    }
}
