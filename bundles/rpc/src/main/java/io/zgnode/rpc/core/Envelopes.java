package io.zgnode.rpc.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes JSON-RPC responses and notifications as bytes. Each response is written on its own, so
 * a result that fails halfway through serialization can still be answered with an error.
 */
public final class Envelopes {

    private Envelopes() {
    }

    public static byte[] result(JsonNode id, Object result, ObjectMapper mapper) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator gen = mapper.getFactory().createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("jsonrpc", "2.0");
            writeId(gen, id, mapper);
            gen.writeFieldName("result");
            mapper.writeValue(gen, result);
            gen.writeEndObject();
        }
        return out.toByteArray();
    }

    /** An error response; {@code data} is left out when null. */
    public static byte[] error(JsonNode id, int code, String message, Object data, ObjectMapper mapper)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator gen = mapper.getFactory().createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("jsonrpc", "2.0");
            writeId(gen, id, mapper);
            gen.writeObjectFieldStart("error");
            gen.writeNumberField("code", code);
            gen.writeStringField("message", message == null ? "error" : message);
            if (data != null) {
                gen.writeFieldName("data");
                mapper.writeValue(gen, data);
            }
            gen.writeEndObject();
            gen.writeEndObject();
        }
        return out.toByteArray();
    }

    public static byte[] notification(String method, Object params, ObjectMapper mapper) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator gen = mapper.getFactory().createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("jsonrpc", "2.0");
            gen.writeStringField("method", method);
            gen.writeFieldName("params");
            mapper.writeValue(gen, params);
            gen.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void writeId(JsonGenerator gen, JsonNode id, ObjectMapper mapper) throws IOException {
        gen.writeFieldName("id");
        if (id == null) {
            gen.writeNull();
        } else {
            mapper.writeTree(gen, id);
        }
    }
}
