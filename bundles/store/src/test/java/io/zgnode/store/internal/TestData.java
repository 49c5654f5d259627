package io.zgnode.store.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import io.zgnode.api.store.KeyValue;
import io.zgnode.api.store.Keys;

/** Helpers shared by the tests. */
final class TestData {

    private TestData() {
    }

    static byte[] b(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] s(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String str(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Entries as "hexkey=hexvalue" strings, for readable assertion messages. */
    static List<String> drain(Iterator<KeyValue> it) {
        List<String> out = new ArrayList<>();
        while (it.hasNext()) {
            KeyValue kv = it.next();
            out.add(Bytes.hex(kv.key()) + "=" + Bytes.hex(kv.value()));
        }
        return out;
    }

    /** The expected scan of a model map, in the same format as {@link #drain(Iterator)}. */
    static List<String> expected(NavigableMap<byte[], byte[]> model, byte[] from, byte[] to, boolean descending) {
        // a plain filter over the whole model, independent of the KeyRange code under test
        List<String> out = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> e : model.entrySet()) {
            byte[] key = e.getKey();
            if ((from == null || Keys.compare(key, from) >= 0) && (to == null || Keys.compare(key, to) < 0)) {
                out.add(Bytes.hex(key) + "=" + Bytes.hex(e.getValue()));
            }
        }
        if (descending) {
            java.util.Collections.reverse(out);
        }
        return out;
    }

    static List<String> keysOf(Iterator<KeyValue> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(kv -> out.add(Bytes.hex(kv.key())));
        return out;
    }
}
