package io.zgnode.rpc.core;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.TypeFactory;

/**
 * Creates the ObjectMappers of the server. Every endpoint gets a mapper of its own: Jackson caches
 * (de)serializers and types per class, and a shared cache would pin the class loader of a plugin
 * bundle after it has been updated. Dropping the endpoint drops its mapper and its caches.
 */
public final class JsonMappers {

    private JsonMappers() {
    }

    public static ObjectMapper create() {
        SimpleModule optional = new SimpleModule("zgnode-optional");
        optional.addSerializer(new OptionalSerializer());
        JsonFactory factory = JsonFactory.builder()
                // Jackson caps strings at 20 M chars by default; a maximal DA blob in base64 is
                // longer. The request body limit already bounds every string.
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                .build();
        return JsonMapper.builder(factory)
                // the default TypeFactory is a JVM-wide singleton whose cache would outlive plugins
                .typeFactory(TypeFactory.createDefaultInstance())
                // clients (wallets, SDKs) add fields we do not model; geth ignores them too
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // 1.5 for an integer is a client bug, not something to round silently
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModule(optional)
                .build();
    }

    /** Writes an Optional as its value or null; jackson-databind alone refuses Optional. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class OptionalSerializer extends StdSerializer<Optional> {

        private static final long serialVersionUID = 1L;

        OptionalSerializer() {
            super(Optional.class);
        }

        @Override
        public void serialize(Optional value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isPresent()) {
                provider.defaultSerializeValue(value.get(), gen);
            } else {
                gen.writeNull();
            }
        }
    }
}
